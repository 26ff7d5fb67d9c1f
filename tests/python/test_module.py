"""`import shanzhi` (python/): results equal the `shanzhi` program's for the same scenario, changes
and seed; scenario errors are Python exceptions with the program's file:line:column message.
Run by CTest (test python_module) with PYTHONPATH at the built package and SHANZHI_BINARY at the
program."""

import csv
import os
import subprocess
import tempfile
import unittest

import numpy as np
import shanzhi

TINY = "scenarios/experiments/tiny_district.toml"
CHANGES = {"purchase.budget_per_community_yuan": 300000, "admin.task_cut_share": 0.6}


def shanzhi_program(*args):
    result = subprocess.run([os.environ["SHANZHI_BINARY"], *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"shanzhi {' '.join(args)} failed: {result.stderr}")
    return result


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class RunMatchesTheProgram(unittest.TestCase):
    def test_time_series_and_outcomes_equal_the_programs(self):
        r = shanzhi.run(TINY, set=CHANGES, seed=5, weeks=30)
        with tempfile.TemporaryDirectory() as out:
            settings = [f"--set={k}={v}" for k, v in CHANGES.items()]
            shanzhi_program("run", TINY, "--seed", "5", "--weeks", "30", *settings, "--out", out, "--quiet")
            rows = read_csv(os.path.join(out, "timeseries.csv"))
            outcomes = {row["metric"]: row for row in read_csv(os.path.join(out, "outcomes.csv"))}
        self.assertEqual(r["seed"], 5)
        self.assertEqual(list(r["weeks"]), [float(row["week"]) for row in rows])
        for metric, values in r["timeseries"].items():
            # The CSV holds each number in shortest round-trip form: equal means bit-identical.
            expected = np.array([float(row[metric]) for row in rows])
            np.testing.assert_array_equal(values, expected, err_msg=metric)
            self.assertEqual(r["final"][metric], float(outcomes[metric]["final"]), metric)
        self.assertIn("satisfaction_mean", r["units"])

    def test_same_seed_same_results_whatever_the_thread_count(self):
        one = shanzhi.run(TINY, seed=9, weeks=12, threads=1)
        two = shanzhi.run(TINY, seed=9, weeks=12, threads=2)
        for metric in one["timeseries"]:
            np.testing.assert_array_equal(one["timeseries"][metric], two["timeseries"][metric])
        other = shanzhi.run(TINY, seed=10, weeks=12)
        self.assertFalse(np.array_equal(one["timeseries"]["satisfaction_mean"], other["timeseries"]["satisfaction_mean"]))

    def test_a_pandas_frame_holds_the_same_numbers(self):
        r = shanzhi.run(TINY, seed=5, weeks=10)
        frame = r["frame"]
        self.assertEqual(list(frame["week"]), list(range(0, 11)))
        np.testing.assert_array_equal(frame["satisfaction_mean"].to_numpy(), r["timeseries"]["satisfaction_mean"])


class CompareMatchesTheProgram(unittest.TestCase):
    def test_paired_differences_equal_compare_csv(self):
        results = shanzhi.compare(TINY, changes=CHANGES, replicates=3, seed=4, weeks=60)
        self.assertEqual(len(results), 1)
        c = results[0]
        with tempfile.TemporaryDirectory() as out:
            withs = [f"--with={k}={v}" for k, v in CHANGES.items()]
            shanzhi_program("compare", TINY, *withs, "-r", "3", "--seed", "4", "--weeks", "60", "--out", out)
            rows = {row["metric"]: row for row in read_csv(os.path.join(out, "compare.csv"))}
            seeds = [row["seed"] for row in read_csv(os.path.join(out, "replicates.csv"))]
        self.assertEqual([str(s) for s in c["seeds"]], sorted(set(seeds), key=seeds.index))
        for metric, m in c["metrics"].items():
            row = rows[metric]
            self.assertEqual(m["difference"]["mean"], float(row["difference"]), metric)
            self.assertEqual(m["difference"]["low"], float(row["difference_low"]), metric)
            self.assertEqual(m["difference"]["high"], float(row["difference_high"]), metric)
            self.assertEqual(m["baseline"]["mean"], float(row["baseline_mean"]), metric)
        # The six rules' task cut lowers the admin share on this district: the sign is clear.
        admin = c["metrics"]["worker_admin_share"]["difference"]
        self.assertLess(admin["high"], 0)
        self.assertEqual(list(c["frame"]["metric"])[:1], ["satisfaction_mean"])

    def test_composed_policies_and_several_policies(self):
        results = shanzhi.compare("scenarios/baseline.toml",
                                  ["scenarios/policies/purchase_only_300k.toml+scenarios/policies/burden_reduction.toml"],
                                  replicates=2, seed=1, weeks=4, set={"district.streets": 1,
                                                                      "district.communities_per_street": 1,
                                                                      "district.residents_per_community": 600})
        self.assertEqual(results[0]["policy"], "purchase_only_300k+burden_reduction")
        self.assertEqual(results[0]["replicates"], 2)


class ErrorsArePythonExceptions(unittest.TestCase):
    def test_a_misspelt_key_names_the_nearest(self):
        with self.assertRaises(shanzhi.ScenarioError) as caught:
            shanzhi.run(TINY, set={"admin.task_cut_shar": 0.3})
        self.assertIn("did you mean 'admin.task_cut_share'", str(caught.exception))
        self.assertIsInstance(caught.exception, ValueError)

    def test_a_bad_file_is_reported_at_its_line_and_column(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "bad.toml")
            with open(path, "w", encoding="utf-8") as f:
                f.write('[scenario]\nname = "bad"\n[purchase]\nbudget_per_communty_yuan = 1\n')
            with self.assertRaises(shanzhi.ScenarioError) as caught:
                shanzhi.run(path)
        self.assertIn("bad.toml:4:1:", str(caught.exception))
        self.assertIn("did you mean 'purchase.budget_per_community_yuan'", str(caught.exception))

    def test_a_missing_scenario_is_an_error_not_a_crash(self):
        with self.assertRaises(shanzhi.ScenarioError):
            shanzhi.compare("scenarios/no_such_file.toml", replicates=1)


class TheDocsExampleRuns(unittest.TestCase):
    def test_docs_example_script_runs_and_prints_its_results(self):
        result = subprocess.run(["/usr/bin/python3", "docs/examples/from_python.py"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("tiny_district, seed 7: satisfaction", result.stdout)
        self.assertIn("admin share: -", result.stdout)
        self.assertIn("refused: --set: error: key 'admin.task_cut_shar'", result.stdout)


class SweepResultsFromPython(unittest.TestCase):
    def test_results_of_a_sweep_equal_the_programs_export(self):
        with tempfile.TemporaryDirectory() as folder:
            db = os.path.join(folder, "t.sqlite")
            shanzhi_program("sweep", "scenarios/experiments/tiny_lhs.toml", "--db", db)
            shanzhi_program("export", db, "--csv", os.path.join(folder, "t.csv"))
            rows = read_csv(os.path.join(folder, "t.csv"))
            r = shanzhi.results(db)
        self.assertEqual(r["experiment"], "tiny_lhs")
        self.assertEqual(len(r["point"]), 120)
        frame = r["frame"]
        for i, row in enumerate(rows):
            run = i // 2
            self.assertEqual(int(frame["point"][run]), int(row["point"]))
            self.assertEqual(str(frame["seed"][run]), row["seed"])
            self.assertEqual(frame["admin.leakage"][run], float(row["admin.leakage"]))
            self.assertEqual(frame[f"{row['metric']}/{row['statistic']}"][run], float(row["value"]))

    def test_a_file_that_is_not_a_results_database_is_refused(self):
        with self.assertRaises(ValueError):
            shanzhi.results("scenarios/guangling.toml")


class SweepsFromPython(unittest.TestCase):
    def test_a_sweep_from_python_stores_what_the_program_stores_and_resumes(self):
        with tempfile.TemporaryDirectory() as folder:
            mine = os.path.join(folder, "python.sqlite")
            first = shanzhi.sweep("scenarios/experiments/tiny_lhs.toml", mine, limit=10, threads=2)
            self.assertEqual((first["ok"], first["skipped"], first["remaining"]), (10, 0, 110))
            rest = shanzhi.sweep("scenarios/experiments/tiny_lhs.toml", mine, threads=1)
            self.assertEqual((rest["ok"], rest["skipped"], rest["remaining"]), (110, 10, 0))
            theirs = os.path.join(folder, "program.sqlite")
            shanzhi_program("sweep", "scenarios/experiments/tiny_lhs.toml", "--db", theirs)
            a, b = shanzhi.results(mine), shanzhi.results(theirs)
        self.assertEqual(a["seed"], b["seed"])
        for label in a["outcomes"]:
            np.testing.assert_array_equal(a["outcomes"][label], b["outcomes"][label], err_msg=label)

    def test_a_database_of_another_experiment_is_refused(self):
        with tempfile.TemporaryDirectory() as folder:
            db = os.path.join(folder, "t.sqlite")
            shanzhi.sweep("scenarios/experiments/tiny_lhs.toml", db, limit=1)
            with self.assertRaises(ValueError):
                shanzhi.sweep("scenarios/experiments/one_community.toml", db, limit=1)


if __name__ == "__main__":
    unittest.main()
