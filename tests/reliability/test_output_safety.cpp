// Faults while writing results: a full disk, an output folder that cannot be written, and special
// files in the way. Every command must say what went wrong, exit non-zero, leave no partial file,
// and leave a sweep's results database consistent so the same command resumes it to exactly
// every run once. Existing results are never overwritten without --force.
//
// A full disk is a small tmpfs mounted in a private mount namespace (`unshare -m`, or
// `unshare -r -m` when not root), so nothing outside the test sees it and it vanishes with the
// test's shell. Where namespaces are not allowed (some containers), a file-size limit
// (ulimit -f, SIGXFSZ ignored) makes writes fail the same way, and the test says so.

#include "tests/support/cli_runner.hpp"

#include "tests/support/sqlite_query.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <cstdlib>
#include <optional>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace shanzhi::cli_test;

using shanzhi::test::query_integer;

namespace {

/// `text` as one word for /bin/sh.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

enum class SmallDisk { tmpfs, file_size_limit };

std::string namespace_command() { return ::geteuid() == 0 ? "unshare -m" : "unshare -r -m"; }

/// How this machine lets the test fill a disk: a tmpfs in a private mount namespace if allowed.
SmallDisk small_disk() {
  static const SmallDisk mode = [] {
    TempDir probe("small_disk_probe");
    const std::string command = namespace_command() + " sh -c " +
                                quoted("mount -t tmpfs -o size=64k tmpfs " + quoted(probe.path().string())) +
                                " >/dev/null 2>&1";
    if (std::system(command.c_str()) == 0) return SmallDisk::tmpfs;
    WARN("mount namespaces are not available here: a file-size limit (ulimit -f) stands in for a full disk");
    return SmallDisk::file_size_limit;
  }();
  return mode;
}

/// Runs `script` with /bin/sh, where `$D` is a folder on a disk of `kilobytes` (only while
/// `limited` commands run, in file-size-limit mode: they are written as `limited CMD ...`), `$W`
/// the test's own folder and `$SHANZHI` the program. `grow` in the script makes the disk large
/// again ("free some space"). Returns the shell's exit status.
int run_on_small_disk(const TempDir& work, int kilobytes, const std::string& script) {
  const std::string disk = (work / "disk").string();
  fs::create_directories(disk);
  std::string prelude = "D=" + quoted(disk) + "; W=" + quoted(work.path().string()) +
                        "; SHANZHI=" + quoted(shanzhi_binary().string()) + "\n";
  std::string command;
  if (small_disk() == SmallDisk::tmpfs) {
    prelude += "mount -t tmpfs -o size=" + std::to_string(kilobytes) + "k tmpfs \"$D\" || exit 99\n";
    prelude += "limited() { \"$@\"; }\ngrow() { mount -o remount,size=64m \"$D\"; }\n";
    command = namespace_command() + " sh ";
  } else {
    // 512-byte blocks for dash's ulimit -f; the limit applies to each file written.
    prelude += "limited() { ( trap '' XFSZ; ulimit -f " + std::to_string(kilobytes * 2) + "; \"$@\" ) }\n";
    prelude += "grow() { :; }\n";
    command = "sh ";
  }
  write_file(work / "script.sh", prelude + script);
  return std::system((command + quoted((work / "script.sh").string())).c_str());
}

std::string full_disk_words() {
  return small_disk() == SmallDisk::tmpfs ? "No space left on device" : "File too large";
}

/// Leftover temporaries of write_file_atomically (NAME.tmp.XXXXXX) anywhere under `dir`.
int temporaries_under(const fs::path& dir) {
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp.") != std::string::npos) ++count;
  return count;
}

std::string integrity(const fs::path& db) {
  sqlite3* connection = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
  }
  sqlite3_close(connection);
  return result;
}

/// 12 runs of the tiny district (6 LHS points x 2 replicates, 26 weeks).
std::string small_experiment() {
  return "[experiment]\nname = \"full_disk\"\nbase = \"" + tiny_district() +
         "\"\nreplicates = 2\nseed = 5\n"
         "[design]\nkind = \"lhs\"\nsamples = 6\n"
         "[[factor]]\nkey = \"admin.leakage\"\nmin = 0\nmax = 1\n"
         "[[outcome]]\nmetric = \"satisfaction_mean\"\n"
         "[[outcome]]\nmetric = \"unmet_need_share\"\nstatistic = \"mean\"\n";
}

std::string exported(const fs::path& db, const fs::path& csv) {
  const auto r = run_shanzhi({"export", db.string(), "--csv", csv.string(), "--force"});
  INFO(r.describe());
  REQUIRE(r.exit_code == 0);
  return read_file(csv);
}

}  // namespace

TEST_CASE("output safety: a run killed while writing leaves no half folder and the rerun works", "[reliability][output]") {
  // A run stopped at any point before its folder is published leaves the name free: the files are
  // written into a hidden sibling that is renamed into place at the end.
  TempDir work("killed_run");
  const auto out = work / "out";
  // The run is killed once its hidden staging folder exists (polled every 0.1 s, up to a minute),
  // so it is caught while it works, whatever the machine's load.
  const std::string command =
      "\"" + shanzhi_binary().string() + "\" run " + quoted(tiny_district()) +
      " --weeks 2000 --set district.residents_per_community=6000 --out " + quoted(out.string()) +
      " --quiet & pid=$!; for i in $(seq 600); do ls -A " + quoted(work.path().string()) +
      " | grep -q partial && break; sleep 0.1; done; kill -9 $pid; wait $pid 2>/dev/null; "
      "ls -A " + quoted(work.path().string()) + " > " + quoted((work / "listing.txt").string());
  REQUIRE(std::system(("sh -c " + quoted(command)).c_str()) == 0);
  INFO("after the kill: " << read_file(work / "listing.txt"));
  CHECK(contains(read_file(work / "listing.txt"), ".out.partial."));  // caught mid-run
  CHECK_FALSE(fs::exists(out));  // whole or not at all
  const auto rerun = run_shanzhi({"run", tiny_district(), "--weeks", "4", "--out", out.string(), "--quiet"});
  INFO(rerun.describe());
  CHECK(rerun.exit_code == 0);
  CHECK(fs::exists(out / "manifest.json"));
  CHECK(temporaries_under(out) == 0);
}

TEST_CASE("output safety: --force removes the temporaries a killed command left in a results folder",
          "[reliability][output]") {
  TempDir work("stale_temporary");
  const auto out = work / "out";
  REQUIRE(run_shanzhi({"run", tiny_district(), "--weeks", "2", "--out", out.string(), "--quiet"}).exit_code == 0);
  write_file(out / "breakdowns.csv.tmp.12345", "half a file");
  const auto forced = run_shanzhi({"run", tiny_district(), "--weeks", "2", "--out", out.string(), "--quiet", "--force"});
  INFO(forced.describe());
  CHECK(forced.exit_code == 0);
  CHECK(temporaries_under(out) == 0);
  CHECK(fs::exists(out / "manifest.json"));
}

TEST_CASE("output safety: plot on a full disk leaves no figures folder", "[reliability][output]") {
  TempDir work("full_disk_plot");
  write_file(work / "e.toml", small_experiment());
  const auto sweep = run_shanzhi({"sweep", (work / "e.toml").string(), "--db", (work / "e.sqlite").string()});
  INFO(sweep.describe());
  REQUIRE(sweep.exit_code == 0);
  // 24 kB holds the data files but not every PNG.
  const int status = run_on_small_disk(work, 24,
                                       "limited \"$SHANZHI\" plot " + quoted((work / "e.sqlite").string()) +
                                           " --out \"$D/figures\" >\"$W/out.txt\" 2>\"$W/err.txt\"\n"
                                           "echo $? >\"$W/code.txt\"\n"
                                           "ls -A \"$D\" >\"$W/left.txt\" 2>&1\n");
  REQUIRE(status == 0);
  INFO("stderr: " << read_file(work / "err.txt"));
  CHECK(trimmed(read_file(work / "code.txt")) == "1");
  CHECK(trimmed(read_file(work / "left.txt")).empty());  // not even the .dat files of the first figures
}

TEST_CASE("output safety: a full disk stops a run with a clear error and no partial files", "[reliability][output]") {
  TempDir work("full_disk_run");
  // 16 kB holds the output folder but not the CSV files of even the tiny district.
  const int status = run_on_small_disk(work, 16,
                                       "limited \"$SHANZHI\" run " + quoted(tiny_district()) +
                                           " --out \"$D/out\" --quiet >\"$W/out.txt\" 2>\"$W/err.txt\"\n"
                                           "echo $? >\"$W/code.txt\"\n"
                                           "ls -A \"$D\" >\"$W/left.txt\" 2>&1\n");
  REQUIRE(status == 0);
  const std::string err = read_file(work / "err.txt");
  INFO("stderr: " << err);
  CHECK(trimmed(read_file(work / "code.txt")) == "1");
  CHECK(err.rfind("shanzhi run: cannot write ", 0) == 0);
  CHECK(contains(err, full_disk_words()));
  // No output folder at all (it appears only when whole), no hidden staging folder, no temporary.
  CHECK(trimmed(read_file(work / "left.txt")).empty());
}

TEST_CASE("output safety: a sweep stopped by a full disk resumes to exactly every run once", "[reliability][output]") {
  TempDir work("full_disk_sweep");
  write_file(work / "e.toml", small_experiment());
  constexpr int total = 12;
  // --timeseries makes each run store about a thousand rows, so the disk fills after a few runs.
  // The sweep estimates that before it starts and refuses; --skip-size-check starts it anyway, and
  // the disk fills while it runs (as it would when another program fills the disk).
  const std::string sweep = "\"$SHANZHI\" sweep \"$W/e.toml\" --db \"$D/r.sqlite\" --timeseries --threads 1";
  const int status = run_on_small_disk(work, 320,
                                       "limited " + sweep + " >\"$W/refused.out\" 2>\"$W/refused.err\"\n"
                                       "echo $? >\"$W/refused.code\"\n"
                                       "ls -A \"$D\" >\"$W/refused_files.txt\"\n"
                                       "limited " + sweep + " --skip-size-check >\"$W/first.out\" 2>\"$W/first.err\"\n"
                                       "echo $? >\"$W/first.code\"\n"
                                       "grow\n" +
                                       sweep + " >\"$W/second.out\" 2>\"$W/second.err\"\n"
                                       "echo $? >\"$W/second.code\"\n"
                                       "ls -A \"$D\" >\"$W/files.txt\"\n"
                                       "cp \"$D/r.sqlite\" \"$W/final.sqlite\"\n");
  REQUIRE(status == 0);
  {
    const std::string refused = read_file(work / "refused.err");
    INFO("sweep on the small disk without --skip-size-check: " << refused);
    CHECK(trimmed(read_file(work / "refused.code")) == "2");
    CHECK(contains(refused, "would grow to about"));
    CHECK(trimmed(read_file(work / "refused_files.txt")).empty());  // refused before the database was made
  }
  const std::string first_err = read_file(work / "first.err");
  {
    INFO("first sweep, on the full disk: " << read_file(work / "first.out") << first_err);
    CHECK(trimmed(read_file(work / "first.code")) == "1");
    CHECK((contains(first_err, "the disk is full") || contains(first_err, "input/output error")));
    CHECK(contains(first_err, "run the same command again to resume"));
  }
  const std::string second_out = read_file(work / "second.out");
  {
    INFO("second sweep, after space was freed: " << second_out << read_file(work / "second.err"));
    CHECK(trimmed(read_file(work / "second.code")) == "0");
    CHECK(contains(second_out, "Sweep complete"));
    CHECK(contains(second_out, " already in the database"));
  }
  CHECK(trimmed(read_file(work / "files.txt")) == "r.sqlite");  // WAL checkpointed, nothing else left

  const auto db = work / "final.sqlite";
  CHECK(integrity(db) == "ok");
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs") == total);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM (SELECT DISTINCT point, replicate FROM runs)") == total);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs WHERE status = 'ok'") == total);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM outcomes") == total * 2);
  CHECK(query_integer(db, "SELECT COUNT(*) FROM runs r WHERE NOT EXISTS "
                          "(SELECT 1 FROM timeseries t WHERE t.run = r.run)") == 0);

  // The same values as a sweep that never met a full disk.
  const auto clean = run_shanzhi({"sweep", (work / "e.toml").string(), "--db", (work / "clean.sqlite").string()});
  REQUIRE(clean.exit_code == 0);
  CHECK(exported(db, work / "a.csv") == exported(work / "clean.sqlite", work / "b.csv"));
}

TEST_CASE("output safety: an output folder that cannot be written is refused clearly", "[reliability][output]") {
  TempDir dir("unwritable");
  write_file(dir / "plain_file", "not a folder\n");  // below a regular file nothing can be created, even by root
  SECTION("run --out") {
    const auto r = run_shanzhi({"run", tiny_district(), "--out", (dir / "plain_file" / "out").string()});
    INFO(r.describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "cannot create output directory"));
  }
  SECTION("sweep --db") {
    write_file(dir / "e.toml", small_experiment());
    const auto r = run_shanzhi({"sweep", (dir / "e.toml").string(), "--db", (dir / "plain_file" / "r.sqlite").string()});
    INFO(r.describe());
    REQUIRE(r.exited);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "shanzhi sweep: "));
    CHECK(contains(r.err, "r.sqlite"));
  }
  SECTION("sweep --db on a read-only file system") {
    if (small_disk() != SmallDisk::tmpfs) {
      WARN("no mount namespace: the read-only file system case is not checked here");
      return;
    }
    TempDir work("read_only_sweep");
    write_file(work / "e.toml", small_experiment());
    const int status = run_on_small_disk(work, 1024,
                                         "mount -o remount,ro \"$D\"\n"
                                         "\"$SHANZHI\" sweep \"$W/e.toml\" --db \"$D/r.sqlite\" >\"$W/out\" 2>\"$W/err\"\n"
                                         "echo $? >\"$W/code\"\nls -A \"$D\" >\"$W/files\"\n");
    REQUIRE(status == 0);
    INFO(read_file(work / "err"));
    CHECK(trimmed(read_file(work / "code")) == "1");
    CHECK(contains(read_file(work / "err"), "cannot open the results database"));
    CHECK(trimmed(read_file(work / "files")).empty());
  }
  CHECK(read_file(dir / "plain_file") == "not a folder\n");
  CHECK(temporaries_under(dir.path()) == 0);
}

TEST_CASE("output safety: special files are never replaced by an output file", "[reliability][output]") {
  // Writing is temporary file + rename, and a rename would swap /dev/full itself for a regular
  // file (as root, /dev is writable); the writer must refuse instead.
  if (!fs::exists("/dev/full")) {
    WARN("/dev/full is missing: nothing to check");
    return;
  }
  TempDir dir("dev_full");
  write_file(dir / "x.toml", "[[factor]]\nkey = \"a\"\nmin = 0\nmax = 1\n");
  const auto r = run_shanzhi({"sample", "--params", (dir / "x.toml").string(), "--design", "lhs", "--n", "4", "--out",
                              "/dev/full", "--force"});
  INFO(r.describe());
  REQUIRE(r.exited);
  CHECK(r.exit_code != 0);
  CHECK(contains(r.err, "/dev/full"));
  CHECK(contains(r.err, "not a regular file"));
  struct stat info {};
  REQUIRE(::stat("/dev/full", &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
}

TEST_CASE("output safety: compare results are not overwritten without --force", "[reliability][output]") {
  TempDir dir("compare_force");
  const auto out = dir / "cmp";
  const std::vector<std::string> command{"compare", tiny_district(), tiny_district(), "-r", "2", "--weeks", "4",
                                         "--out", out.string()};
  const auto first = run_shanzhi(command);
  INFO(first.describe());
  REQUIRE(first.exit_code == 0);
  const std::string before = read_file(out / "compare.json");
  REQUIRE_FALSE(before.empty());

  const auto again = run_shanzhi(command);
  INFO(again.describe());
  CHECK(again.exit_code == 2);
  CHECK(contains(again.err, "already holds results"));
  CHECK(read_file(out / "compare.json") == before);

  auto forced = command;
  forced.push_back("--force");
  const auto overwritten = run_shanzhi(forced);
  INFO(overwritten.describe());
  CHECK(overwritten.exit_code == 0);
  CHECK(temporaries_under(dir.path()) == 0);
}
