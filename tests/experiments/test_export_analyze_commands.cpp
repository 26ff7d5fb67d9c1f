// `shanzhi export` and `shanzhi analyze` on databases written by `shanzhi sweep`, and analyze on
// CSV files of outputs computed elsewhere.

#include "tests/support/cli_runner.hpp"

#include <hdf5.h>

#include <catch2/catch.hpp>

#include <cstdlib>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

namespace {

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

/// Sweeps `experiment` into `db` and requires success.
void sweep(const std::string& experiment, const fs::path& db) {
  const auto r = run_shanzhi({"sweep", experiment, "--db", db.string()});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
}

}  // namespace

namespace {

/// A 1-D dataset of an HDF5 file read as doubles (HDF5 converts integers); empty on failure.
std::vector<double> hdf5_doubles(const fs::path& file, const std::string& dataset) {
  std::vector<double> values;
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return values;
  const hid_t d = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
  if (d >= 0) {
    const hid_t space = H5Dget_space(d);
    hsize_t size = 0;
    H5Sget_simple_extent_dims(space, &size, nullptr);
    values.resize(size);
    if (H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) values.clear();
    H5Sclose(space);
    H5Dclose(d);
  }
  H5Fclose(f);
  return values;
}

}  // namespace

TEST_CASE("Export writes one tidy row per run and outcome", "[experiments][export]") {
  TempDir dir("export");
  const auto db = dir / "t.sqlite";
  sweep(tiny_lhs(), db);
  const auto csv = dir / "out" / "t.csv";
  const auto r = run_shanzhi({"export", db.string(), "--csv", csv.string()});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Wrote 240 rows (120 runs x 2 outcomes"));
  const auto lines = lines_of(read_file(csv));
  REQUIRE(lines.size() == 1 + 120 * 2);
  CHECK(lines[0] == "experiment,point,replicate,seed,status,purchase.budget_per_community_yuan,admin.leakage,metric,"
                    "statistic,value");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = fields_of(lines[i]);
    REQUIRE(fields.size() == 10);
    CHECK(fields[0] == "tiny_lhs");
    CHECK(fields[4] == "ok");
    CHECK(std::stod(fields[5]) >= 0);
    CHECK(std::stod(fields[5]) <= 400000);
    CHECK(fields[7] == (i % 2 == 1 ? "satisfaction_mean" : "worker_admin_share"));
    CHECK(fields[8] == (i % 2 == 1 ? "final" : "mean"));
    CHECK(std::isfinite(std::stod(fields[9])));
  }
  CHECK(fields_of(lines[1])[1] == "0");
  CHECK(fields_of(lines.back())[1] == "39");
  CHECK(fields_of(lines.back())[2] == "2");

  const auto again = run_shanzhi({"export", db.string(), "--csv", csv.string()});
  CHECK(again.exit_code == 2);
  CHECK(contains(again.err, "already exists; use --force"));
  CHECK(run_shanzhi({"export", db.string(), "--csv", csv.string(), "--force"}).exit_code == 0);
  CHECK(directory_entries(dir / "out") == std::vector<std::string>{"t.csv"});  // no temporary files left

  const auto missing = run_shanzhi({"export", (dir / "none.sqlite").string(), "--csv", (dir / "n.csv").string()});
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "no such results database"));

  // --hdf5 writes the same numbers column by column (alone or beside --csv).
  const auto both = run_shanzhi({"export", db.string(), "--csv", (dir / "both" / "t.csv").string(), "--hdf5", (dir / "both" / "t.h5").string()});
  INFO(both.describe());
  REQUIRE(both.exit_code == 0);
  CHECK(contains(both.out, "Wrote 120 runs x (2 factors, 2 outcomes) to"));
  const auto seeds = hdf5_doubles(dir / "both" / "t.h5", "/runs/seed");
  const auto leakage = hdf5_doubles(dir / "both" / "t.h5", "/factors/admin.leakage");
  const auto satisfaction = hdf5_doubles(dir / "both" / "t.h5", "/outcomes/satisfaction_mean/final");
  const auto admin = hdf5_doubles(dir / "both" / "t.h5", "/outcomes/worker_admin_share/mean");
  REQUIRE(seeds.size() == 120);
  REQUIRE(leakage.size() == 120);
  REQUIRE(satisfaction.size() == 120);
  REQUIRE(admin.size() == 120);
  // The tidy CSV has two rows per run (its outcomes); both files hold the same numbers exactly.
  const auto both_rows = lines_of(read_file(dir / "both" / "t.csv"));
  REQUIRE(both_rows.size() == 1 + 240);
  for (std::size_t run = 0; run < 120; ++run) {
    const auto first = fields_of(both_rows[1 + 2 * run]);
    const auto second = fields_of(both_rows[2 + 2 * run]);
    CHECK(static_cast<std::uint64_t>(seeds[run]) == std::stoull(first[3]));
    CHECK(leakage[run] == std::stod(first[6]));
    CHECK(satisfaction[run] == std::stod(first[9]));
    CHECK(admin[run] == std::stod(second[9]));
  }
  // Refused before any work: no output named, or a file that exists without --force.
  CHECK(run_shanzhi({"export", db.string()}).exit_code == 2);
  const auto existing = run_shanzhi({"export", db.string(), "--hdf5", (dir / "both" / "t.h5").string()});
  CHECK(existing.exit_code == 2);
  CHECK(directory_entries(dir / "both") == std::vector<std::string>{"t.csv", "t.h5"});
}

TEST_CASE("Export shows failed runs with their status and an empty value", "[experiments][export]") {
  TempDir dir("export_failed");
  write_file(dir / "f.toml", "[experiment]\nbase = \"" + tiny_district() +
                                 "\"\n[design]\nkind = \"full_factorial\"\n"
                                 "[[factor]]\nkey = \"satisfaction.weight_quality\"\nvalues = [0.5, 0.6]\n"
                                 "[[factor]]\nkey = \"information.queue_rule\"\nvalues = [\"fifo\", \"priority\"]\n"
                                 "[[outcome]]\nmetric = \"satisfaction_mean\"\n");
  sweep((dir / "f.toml").string(), dir / "f.sqlite");
  REQUIRE(run_shanzhi({"export", (dir / "f.sqlite").string(), "--csv", (dir / "f.csv").string()}).exit_code == 0);
  const auto lines = lines_of(read_file(dir / "f.csv"));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "experiment,point,replicate,seed,status,satisfaction.weight_quality,information.queue_rule,metric,"
                    "statistic,value");
  // Points: (0.5, fifo), (0.5, priority), (0.6, fifo), (0.6, priority); 0.6 breaks the weights.
  CHECK(contains(lines[1], ",ok,0.5,fifo,satisfaction_mean,final,"));
  CHECK(contains(lines[2], ",ok,0.5,priority,satisfaction_mean,final,"));
  CHECK(contains(lines[3], ",failed,0.6,fifo,satisfaction_mean,final,"));
  CHECK(lines[3].back() == ',');
  CHECK(lines[4].back() == ',');
}

TEST_CASE("Analyze prints per-point means and writes them as CSV", "[experiments][analyze]") {
  TempDir dir("analyze");
  const auto db = dir / "t.sqlite";
  sweep(tiny_lhs(), db);
  const auto r = run_shanzhi({"analyze", db.string()});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "40 points x 3 replicates; 120 of 120 runs finished, 0 failed"));
  CHECK(contains(r.out, "satisfaction_mean/final: mean over replicates with 95% confidence interval"));
  CHECK(contains(r.out, "worker_admin_share/mean: mean over replicates"));
  const auto printed = lines_of(r.out);
  std::size_t point_rows = 0;
  for (const auto& line : printed)
    if (line.size() > 6 && line.find('[') != std::string::npos && line.find(']') != std::string::npos) ++point_rows;
  CHECK(point_rows == 80);

  const auto means = dir / "t-means.csv";
  REQUIRE(fs::exists(means));
  const auto lines = lines_of(read_file(means));
  REQUIRE(lines.size() == 1 + 40 * 2);
  CHECK(lines[0] == "point,purchase.budget_per_community_yuan,admin.leakage,metric,statistic,runs,mean,sd,ci_low,ci_high");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = fields_of(lines[i]);
    REQUIRE(f.size() == 10);
    CHECK(f[5] == "3");
    const double mean = std::stod(f[6]), low = std::stod(f[8]), high = std::stod(f[9]);
    CHECK(low <= mean);
    CHECK(mean <= high);
  }

  const auto sobol = run_shanzhi({"analyze", db.string(), "--sobol"});
  CHECK(sobol.exit_code == 2);
  CHECK(contains(sobol.err, "--sobol needs an experiment with a sobol design; tiny_lhs has a latin_hypercube design"));
  const auto out_dir = run_shanzhi({"analyze", db.string(), "--out", (dir / "elsewhere").string()});
  CHECK(out_dir.exit_code == 0);
  CHECK(fs::exists(dir / "elsewhere" / "t-means.csv"));
}

TEST_CASE("Analyze gives Sobol indices and Morris effects of a sweep", "[experiments][analyze]") {
  TempDir dir("analyze_indices");
  const std::string factors =
      "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 400000\n"
      "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
      "[[outcome]]\nmetric = \"worker_admin_share\"\nstatistic = \"mean\"\n";
  const std::string head = "[experiment]\nbase = \"" + tiny_district() + "\"\nweeks = 13\n";
  write_file(dir / "s.toml", head + "[design]\nkind = \"sobol\"\nsamples = 16\n" + factors);
  write_file(dir / "m.toml", head + "[design]\nkind = \"morris\"\nsamples = 6\nlevels = 4\n" + factors);
  sweep((dir / "s.toml").string(), dir / "s.sqlite");
  sweep((dir / "m.toml").string(), dir / "m.sqlite");

  const auto s = run_shanzhi({"analyze", (dir / "s.sqlite").string(), "--sobol"});
  INFO(s.describe());
  REQUIRE(s.exit_code == 0);
  CHECK(contains(s.out, "Sobol indices of worker_admin_share/mean (95% bootstrap intervals)"));
  const auto sobol_lines = lines_of(read_file(dir / "s-sobol.csv"));
  REQUIRE(sobol_lines.size() == 3);
  CHECK(sobol_lines[0] == "output,factor,first,first_low,first_high,total,total_low,total_high");
  CHECK(contains(sobol_lines[2], "worker_admin_share/mean,admin.leakage,"));
  // Leakage brings admin hours back; it must matter more for the admin share than the budget.
  CHECK(std::stod(fields_of(sobol_lines[2])[5]) > std::stod(fields_of(sobol_lines[1])[5]));

  const auto m = run_shanzhi({"analyze", (dir / "m.sqlite").string(), "--morris"});
  INFO(m.describe());
  REQUIRE(m.exit_code == 0);
  CHECK(contains(m.out, "Morris elementary effects of worker_admin_share/mean"));
  const auto morris_lines = lines_of(read_file(dir / "m-morris.csv"));
  REQUIRE(morris_lines.size() == 3);
  CHECK(morris_lines[0] == "output,factor,mu_star,mu,sigma");
  CHECK(std::stod(fields_of(morris_lines[2])[2]) > std::stod(fields_of(morris_lines[1])[2]));
}

TEST_CASE("Analyze reads designs and outputs computed elsewhere from CSV", "[experiments][analyze]") {
  TempDir dir("analyze_csv");
  write_file(dir / "p.toml", "[[factor]]\nkey = \"a\"\nmin = 0\nmax = 1\n[[factor]]\nkey = \"b\"\nmin = 0\nmax = 2\n"
                             "[[factor]]\nkey = \"c\"\nmin = -1\nmax = 1\n");
  // A linear model y = 2a + b + 0c: with a ~ U(0,1) and b ~ U(0,2), Var = 4/12 + 4/12, so
  // S_a = S_b = 0.5, S_c = 0; Morris effects per unit range are 2, 2 and 0 with no spread.
  const auto model = [](double a, double b, double) { return 2 * a + b; };
  for (const std::string design : {"sobol", "morris"}) {
    const auto x = dir / (design + "_x.csv"), y = dir / (design + "_y.csv");
    const auto sampled = run_shanzhi({"sample", "--design", design, "--params", (dir / "p.toml").string(), "--n",
                                      design == "sobol" ? "1024" : "20", "--out", x.string()});
    INFO(sampled.describe());
    REQUIRE(sampled.exit_code == 0);
    std::string outputs = "y,y_negated\n";
    const auto rows = lines_of(read_file(x));
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const auto f = fields_of(rows[i]);
      const double value = model(std::stod(f[0]), std::stod(f[1]), std::stod(f[2]));
      outputs += std::to_string(value) + "," + std::to_string(-value) + "\n";
    }
    write_file(y, outputs);
    const auto r = run_shanzhi({"analyze", "--design", design, "--params", (dir / "p.toml").string(), "--x", x.string(),
                                "--y", y.string()});
    INFO(r.describe());
    REQUIRE(r.exit_code == 0);
    const auto lines = lines_of(read_file(dir / (design + "_y-" + design + ".csv")));
    REQUIRE(lines.size() == 1 + 2 * 3);
    const auto value = [&](std::size_t row, std::size_t column) { return std::stod(fields_of(lines[row])[column]); };
    if (design == "sobol") {
      CHECK(value(1, 2) == Approx(0.5).margin(0.05));  // S_a
      CHECK(value(2, 2) == Approx(0.5).margin(0.05));  // S_b
      CHECK(value(3, 2) == Approx(0).margin(0.05));    // S_c
      CHECK(value(3, 5) == Approx(0).margin(0.01));    // ST_c
    } else {
      CHECK(value(1, 2) == Approx(2).margin(1e-3));  // mu*_a (effect per unit range: 2 x 1)
      CHECK(value(2, 2) == Approx(2).margin(1e-3));  // mu*_b (1 x 2)
      CHECK(value(3, 2) == Approx(0).margin(1e-9));
      CHECK(value(1, 4) == Approx(0).margin(1e-3));  // sigma: a linear model has one effect
      CHECK(value(4, 3) == Approx(-2).margin(1e-3));  // mu of y_negated for a
    }
  }

  // X in the wrong order for Saltelli's scheme is refused with the row.
  auto rows = lines_of(read_file(dir / "sobol_x.csv"));
  std::swap(rows[1], rows[2 * 1024 + 1]);
  std::string shuffled;
  for (const auto& row : rows) shuffled += row + "\n";
  write_file(dir / "shuffled.csv", shuffled);
  const auto refused = run_shanzhi({"analyze", "--design", "sobol", "--params", (dir / "p.toml").string(), "--x",
                                    (dir / "shuffled.csv").string(), "--y", (dir / "sobol_y.csv").string()});
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "is not row 1 of A with factor 1 from B"));
  const auto wrong_n = run_shanzhi({"analyze", "--design", "sobol", "--params", (dir / "p.toml").string(), "--x",
                                    (dir / "sobol_x.csv").string(), "--y", (dir / "sobol_y.csv").string(), "--n", "512"});
  CHECK(wrong_n.exit_code == 2);
  CHECK(contains(wrong_n.err, "--n 512 does not match"));
  const auto both = run_shanzhi({"analyze", "x.sqlite", "--design", "sobol"});
  CHECK(both.exit_code == 2);
}

namespace {

/// A real PNG: the 8-byte signature and more than a header's worth of image.
bool is_png(const fs::path& file) {
  const std::string bytes = read_file(file);
  return bytes.size() > 2000 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
}

}  // namespace

TEST_CASE("Plot draws each outcome against each factor and the Sobol and Morris figures", "[experiments][plot]") {
  TempDir dir("plot");
  const std::string factors =
      "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 400000\n"
      "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
      "[[outcome]]\nmetric = \"worker_admin_share\"\nstatistic = \"mean\"\n";
  const std::string head = "[experiment]\nbase = \"" + tiny_district() + "\"\nweeks = 13\nreplicates = 2\n";
  write_file(dir / "s.toml", head + "[design]\nkind = \"sobol\"\nsamples = 16\n" + factors);
  write_file(dir / "m.toml", head + "[design]\nkind = \"morris\"\nsamples = 6\nlevels = 4\n" + factors);
  sweep((dir / "s.toml").string(), dir / "s.sqlite");
  sweep((dir / "m.toml").string(), dir / "m.sqlite");

  const auto s = run_shanzhi({"plot", (dir / "s.sqlite").string(), "--out", (dir / "sf").string()});
  INFO(s.describe());
  REQUIRE(s.exit_code == 0);
  for (const char* name : {"worker_admin_share_mean-vs-purchase.budget_per_community_yuan.png",
                           "worker_admin_share_mean-vs-admin.leakage.png", "worker_admin_share_mean-sobol.png"}) {
    INFO(name);
    CHECK(is_png(dir / "sf" / name));
  }
  // The data behind each figure is kept beside it: one row per design point against a factor.
  const auto rows = lines_of(read_file(dir / "sf" / "worker_admin_share_mean-vs-admin.leakage.dat"));
  CHECK(rows.size() == 1 + 16 * (2 + 2));  // header + N·(d + 2) Saltelli points

  // Figures that do not mislead (issue 16): design points are not joined into a band (their
  // neighbours differ in the other factors), axes say their units and write large amounts in
  // thousands or millions, and Sobol bars show negative estimates and warn when N is too small.
  const auto against = read_file(dir / "sf" / "worker_admin_share_mean-vs-purchase.budget_per_community_yuan.gp");
  CHECK_FALSE(contains(against, "filledcurves"));
  CHECK(contains(against, "the other factors vary between points"));
  CHECK(contains(against, "set xlabel 'purchase.budget_per_community_yuan (CNY/year, thousands)'"));
  CHECK(contains(against, "set ylabel 'worker_admin_share/mean (share 0-1)'"));
  // The .dat is sorted by x: its last row holds the largest budget, written in thousands.
  std::istringstream last_row(lines_of(read_file(dir / "sf" / "worker_admin_share_mean-vs-purchase.budget_per_community_yuan.dat")).back());
  double largest_x = 0;
  last_row >> largest_x;
  CHECK(largest_x > 100);
  CHECK(largest_x <= 400);
  const auto sobol = read_file(dir / "sf" / "worker_admin_share_mean-sobol.gp");
  CHECK_FALSE(contains(sobol, "yrange [0:*]"));
  CHECK(contains(sobol, "set xzeroaxis"));
  CHECK(contains(sobol, "N = 16 base samples is too few to rank these factors"));
  CHECK(contains(s.err, "worker_admin_share/mean: intervals up to"));

  const auto m = run_shanzhi({"plot", (dir / "m.sqlite").string(), "--out", (dir / "mf").string()});
  INFO(m.describe());
  REQUIRE(m.exit_code == 0);
  CHECK(is_png(dir / "mf" / "worker_admin_share_mean-morris.png"));

  // The folder is relocatable: moved elsewhere, each script redraws its figure from its folder.
  fs::rename(dir / "mf", dir / "moved");
  fs::remove(dir / "moved" / "worker_admin_share_mean-morris.png");
  const std::string redraw = "cd '" + (dir / "moved").string() + "' && gnuplot worker_admin_share_mean-morris.gp 2>&1";
  CHECK(std::system(redraw.c_str()) == 0);
  CHECK(is_png(dir / "moved" / "worker_admin_share_mean-morris.png"));
  CHECK(run_shanzhi({"plot", (dir / "m.sqlite").string(), "--out", (dir / "mf").string()}).exit_code == 0);
  // No staging folder is left beside a published one.
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find(".partial.") == std::string::npos);

  // Existing figures are kept unless --force; a missing database is bad input.
  CHECK(run_shanzhi({"plot", (dir / "m.sqlite").string(), "--out", (dir / "mf").string()}).exit_code == 2);
  CHECK(run_shanzhi({"plot", (dir / "m.sqlite").string(), "--out", (dir / "mf").string(), "--force"}).exit_code == 0);
  CHECK(run_shanzhi({"plot", (dir / "missing.sqlite").string(), "--out", (dir / "x").string()}).exit_code == 2);
}

TEST_CASE("analyze --prim --tree and --regression find the leakage behind a high admin share", "[experiments][analyze][prim][regression]") {
  TempDir dir("prim");
  const auto db = dir / "t.sqlite";
  sweep(tiny_lhs(), db);
  // Burden reduction's leakage (admin.leakage) puts cut tasks back on the workers; the purchase
  // budget does not touch admin time. So the points with a high admin share sit at high leakage.
  const auto r = run_shanzhi({"analyze", db.string(), "--out", (dir / "out").string(), "--prim",
                              "worker_admin_share/mean", "--above", "0.3", "--tree"});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Scenario discovery (PRIM): where is worker_admin_share/mean above 0.3?"));
  const auto trajectory = lines_of(read_file(dir / "out" / "t-prim.csv"));
  REQUIRE(trajectory.size() > 3);
  CHECK(trajectory[0] == "box,coverage,density,mass,points,cases,restricted,purchase.budget_per_community_yuan.low,"
                         "purchase.budget_per_community_yuan.high,admin.leakage.low,admin.leakage.high");
  const auto pasted = fields_of(trajectory.back());
  REQUIRE(pasted.size() == 11);
  CHECK(contains(pasted[0], "pasted"));
  const double coverage = std::stod(pasted[1]), density = std::stod(pasted[2]);
  const auto base = fields_of(trajectory[1]);  // the whole sweep
  CHECK(coverage >= 0.5);
  CHECK(density >= 0.8);
  CHECK(density > 1.5 * std::stod(base[2]));
  // The box restricts leakage from below and leaves the purchase budget its whole swept range.
  CHECK(std::stod(pasted[9]) > 0.3);
  CHECK(pasted[7] == base[7]);
  CHECK(pasted[8] == base[8]);
  CHECK(contains(r.out, "admin.leakage in ["));
  CHECK(fs::file_size(dir / "out" / "t-prim.png") > 1000);
  // The tree's purest leaf reads the same condition as a rule.
  const auto leaves = lines_of(read_file(dir / "out" / "t-tree.csv"));
  REQUIRE(leaves.size() >= 3);
  CHECK(leaves[0] == "leaf,rule,points,cases,case_share");
  const auto top = fields_of(leaves[1]);
  CHECK(contains(top[1], "admin.leakage > "));
  CHECK_FALSE(contains(top[1], "purchase"));
  CHECK(std::stod(top[4]) >= 0.8);

  const auto typo = run_shanzhi({"analyze", db.string(), "--prim", "worker_admin_share/mea", "--above", "0.3"});
  CHECK(typo.exit_code == 2);
  CHECK(contains(typo.err, "has no outcome 'worker_admin_share/mea'; it has satisfaction_mean/final, worker_admin_share/mean"));
  const auto no_threshold = run_shanzhi({"analyze", db.string(), "--prim", "worker_admin_share/mean"});
  CHECK(no_threshold.exit_code == 2);
  CHECK(contains(no_threshold.err, "--prim needs one threshold"));

  // The regression summary of the same sweep says the same: the admin share follows leakage.
  const auto fit = run_shanzhi({"analyze", db.string(), "--out", (dir / "fit").string(), "--regression"});
  INFO(fit.describe());
  REQUIRE(fit.exit_code == 0);
  const auto rows = lines_of(read_file(dir / "fit" / "t-regression.csv"));
  REQUIRE(rows.size() == 1 + 2 * 2);  // header + 2 outcomes x 2 factors
  CHECK(rows[0] == "output,factor,src,low,high,r_squared,points");
  // The admin share follows leakage almost linearly and not the purchase budget.
  const auto leakage = fields_of(rows[4]);
  const auto budget = fields_of(rows[3]);
  CHECK(leakage[0] == "worker_admin_share/mean");
  CHECK(leakage[1] == "admin.leakage");
  CHECK(std::stod(leakage[3]) > 0.5);
  CHECK(std::stod(budget[3]) < 0);
  CHECK(std::stod(budget[4]) > 0);
  CHECK(std::stod(leakage[5]) >= 0.7);
  CHECK(leakage[6] == "40");
  CHECK(contains(fit.out, "Regression summary of worker_admin_share/mean (standardised coefficients, 95% intervals; R²"));
}

TEST_CASE("common_seeds removes the seed noise that Sobol indices otherwise mistake for effects", "[experiments][analyze][plans]") {
  // Over 26 weeks the purchase budget changes nothing (budgets take effect when a fiscal year
  // opens, at week 52). With a seed per point its Sobol indices are noise; with common seeds
  // every point sees the same draws and the budget's indices are exactly zero.
  TempDir dir("common_seeds_sobol");
  const std::string body =
      "base = \"" + tiny_district() + "\"\nweeks = 26\nreplicates = 1\nseed = 7\n[design]\nkind = \"sobol\"\nsamples = 16\n"
      "[[factor]]\nkey = \"purchase.budget_per_community_yuan\"\nmin = 0\nmax = 400000\n"
      "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
      "[[outcome]]\nmetric = \"satisfaction_mean\"\nstatistic = \"final\"\n";
  write_file(dir / "own.toml", "[experiment]\n" + body);
  write_file(dir / "common.toml", "[experiment]\ncommon_seeds = true\n" + body);
  const auto budget_total_index = [&](const std::string& name) {
    sweep((dir / (name + ".toml")).string(), dir / (name + ".sqlite"));
    const auto r = run_shanzhi({"analyze", (dir / (name + ".sqlite")).string(), "--sobol", "--out", (dir / name).string()});
    INFO(r.describe());
    REQUIRE(r.exit_code == 0);
    const auto rows = lines_of(read_file(dir / name / (name + "-sobol.csv")));
    REQUIRE(rows.size() == 3);
    const auto budget = fields_of(rows[1]);
    REQUIRE(budget[1] == "purchase.budget_per_community_yuan");
    return std::vector<double>{std::stod(budget[5]), std::stod(budget[6]), std::stod(budget[7])};  // ST, low, high
  };
  const auto own = budget_total_index("own");
  const auto common = budget_total_index("common");
  CHECK(common == std::vector<double>{0, 0, 0});
  CHECK(own[2] - own[1] > 0.05);  // the noise a seed per point puts into the budget's index
}
