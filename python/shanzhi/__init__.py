"""Shanzhi (善治) from Python: run and compare community-governance scenarios.

    import shanzhi
    r = shanzhi.run("scenarios/small_district.toml", set={"purchase.budget_per_community_yuan": 300000}, seed=7)
    r["timeseries"]["satisfaction_mean"]        # numpy array, one value per recorded week
    r["frame"]                                  # the same as a pandas DataFrame (when pandas is installed)
    c = shanzhi.compare("scenarios/baseline.toml", ["scenarios/guangling.toml"], replicates=5)
    c[0]["metrics"]["satisfaction_mean"]["difference"]   # {"mean", "low", "high"}: paired, 95%

    shanzhi.sweep("scenarios/experiments/tiny_lhs.toml", "tiny.sqlite")   # as `shanzhi sweep`
    shanzhi.results("tiny.sqlite")["frame"]                             # one row per run

Results equal the `shanzhi` program's for the same scenario, changes and seed. A bad scenario or
key raises shanzhi.ScenarioError (a ValueError) with the program's file:line:column message.
"""

from ._shanzhi import ScenarioError
from ._shanzhi import compare as _compare
from ._shanzhi import results as _results
from ._shanzhi import sweep as _sweep
from ._shanzhi import run as _run

try:
    import pandas as _pandas
except ImportError:  # pandas is optional: numpy arrays are always there
    _pandas = None

__all__ = ["run", "compare", "sweep", "results", "ScenarioError"]


def run(scenario, set=None, seed=None, weeks=None, threads=0):
    """One simulation. Returns a dict: scenario, seed, weeks, timeseries {metric: array}, final,
    mean_last_year, units, and with pandas a DataFrame `frame` (one row per recorded week)."""
    result = _run(str(scenario), dict(set or {}), seed, weeks, threads)
    if _pandas is not None:
        frame = _pandas.DataFrame(result["timeseries"])
        frame.insert(0, "week", result["weeks"].astype(int))
        result["frame"] = frame
    return result


def compare(baseline, policies=(), replicates=10, seed=1, weeks=None, set=None, changes=None, threads=0):
    """Paired replicates of a baseline and each policy (a file, or 'P1+P2'), as `shanzhi compare`.
    `changes` ({key: value}) are --with's: applied to each policy, or to the baseline when no
    policy is named. Returns one dict per policy; with pandas each has a `frame` of its metrics."""
    if isinstance(policies, str):
        policies = [policies]
    results = _compare(str(baseline), [str(p) for p in policies], replicates, seed, weeks, dict(set or {}),
                       dict(changes or {}), threads)
    if _pandas is not None:
        for result in results:
            rows = []
            for name, m in result["metrics"].items():
                d = m["difference"]
                rows.append({"metric": name, "unit": m["unit"], "baseline": m["baseline"]["mean"],
                             "policy": m["policy"]["mean"], "difference": d["mean"], "low": d["low"],
                             "high": d["high"], "verdict": m["verdict"]})
            result["frame"] = _pandas.DataFrame(rows)
    return results


def results(database):
    """A sweep's results database (from `shanzhi sweep`), one entry per finished run: point,
    replicate, seed, ok, factors {key: values}, outcomes {"metric/statistic": values}; with pandas
    a `frame` with one row per run and one column per factor and outcome."""
    result = _results(str(database))
    if _pandas is not None:
        columns = {"point": result["point"].astype(int), "replicate": result["replicate"].astype(int),
                   "seed": result["seed"], "ok": result["ok"].astype(bool)}
        columns.update(result["factors"])
        columns.update(result["outcomes"])
        result["frame"] = _pandas.DataFrame(columns)
    return result


def sweep(experiment, database, threads=0, limit=None, timeseries=False):
    """Runs an experiment file's missing runs into `database` (SQLite), as `shanzhi sweep` does on
    one machine: the same seeds and the same database, so a second call (or the program) resumes
    it. Returns counts: ok, failed, skipped (finished before), remaining. Read it with results()."""
    return _sweep(str(experiment), str(database), threads, limit, timeseries)
