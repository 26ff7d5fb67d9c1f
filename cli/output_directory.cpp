#include "cli/output_directory.hpp"

#include "sim/output/run_outputs.hpp"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <system_error>

#include <unistd.h>

namespace shanzhi::cli {
namespace {

namespace fs = std::filesystem;

// Files of `run` and of `compare`: a folder holding any of them holds results.
constexpr std::array<const char*, 7> result_files{"timeseries.csv", "outcomes.csv", "breakdowns.csv", "manifest.json",
                                                  "compare.csv",    "replicates.csv", "compare.json"};

std::string utc_time(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

/// Characters of a scenario name kept in a default folder name: with the seed and the time the
/// name stays far below the 255 bytes a file name may have.
constexpr std::size_t folder_name_characters = 80;

/// Scenario names may hold spaces or Chinese, or be very long; keep directory names plain and short.
std::string safe_name(const std::string& name) {
  std::string out;
  for (unsigned char ch : name) {
    if (out.size() == folder_name_characters) break;
    out += (std::isalnum(ch) || ch == '-' || ch == '_') ? static_cast<char>(ch) : '_';
  }
  return out.empty() ? "scenario" : out;
}

/// A hidden, new directory beside `final_path` (same file system, so the rename is atomic).
fs::path make_staging_directory(const fs::path& final_path) {
  const fs::path parent = final_path.has_parent_path() ? final_path.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw OutputRefused("cannot create output directory " + final_path.string() + ": " + ec.message());
  std::string name_template = (parent / ("." + final_path.filename().string() + ".partial.XXXXXX")).string();
  if (::mkdtemp(name_template.data()) == nullptr)
    throw OutputRefused("cannot create output directory " + final_path.string() + ": " + std::strerror(errno));
  return name_template;
}

/// Temporaries (NAME.tmp.*) a killed command left in a results directory.
void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec) && entry.path().filename().string().find(".tmp.") != std::string::npos)
      fs::remove(entry.path(), ec);
}

}  // namespace

std::string utc_timestamp_iso8601() { return utc_time("%Y-%m-%dT%H:%M:%SZ"); }

OutputDirectory prepare_output_directory(const std::string& requested, const std::string& scenario_name,
                                         std::int64_t seed, bool force) {
  OutputDirectory out;
  if (requested.empty()) {
    out.is_default = true;
    const std::string stem = "results/runs/" + safe_name(scenario_name) + "-seed" + std::to_string(seed) + "-" +
                             utc_time("%Y%m%d-%H%M%S");
    out.path = stem;
    std::error_code ec;
    for (int n = 2; fs::exists(out.path, ec); ++n) out.path = stem + "-" + std::to_string(n);
  } else {
    out.path = requested;
  }
  std::error_code ec;
  if (fs::exists(out.path, ec) && !fs::is_directory(out.path, ec))
    throw OutputRefused("output path " + out.path.string() + " exists and is not a directory");
  if (!force)
    for (const char* name : result_files)
      if (fs::exists(out.path / name, ec))
        throw OutputRefused(out.path.string() + " already holds results (" + name +
                            "); choose another --out or add --force to overwrite");
  if (fs::is_directory(out.path, ec)) {
    if (force) remove_stale_temporaries(out.path);
    return out;
  }
  out.staging = make_staging_directory(out.path);
  return out;
}

std::string output_file_problem(const fs::path& file, bool force, bool create_folder) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) return file.string() + " is a directory; name the file to write";
  if (fs::exists(file, ec) && !force) return file.string() + " already exists; use --force to overwrite it";
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (create_folder && !fs::exists(folder, ec)) fs::create_directories(folder, ec);
  if (!fs::is_directory(folder, ec)) return "cannot write " + file.string() + ": folder " + folder.string() + " does not exist";
  if (::access(folder.c_str(), W_OK) != 0)
    return "cannot write " + file.string() + ": folder " + folder.string() + " is not writable (" + std::strerror(errno) + ")";
  return {};
}

OutputDirectory staged_output_directory(const fs::path& path) {
  OutputDirectory out;
  out.path = path;
  std::error_code ec;
  if (!fs::exists(path, ec) || (fs::is_directory(path, ec) && fs::is_empty(path, ec))) out.staging = make_staging_directory(path);
  return out;
}

OutputDirectory& OutputDirectory::operator=(OutputDirectory&& other) noexcept {
  if (this != &other) {
    path = std::move(other.path);
    is_default = other.is_default;
    staging = std::move(other.staging);
    other.staging.clear();
  }
  return *this;
}

OutputDirectory::~OutputDirectory() {
  std::error_code ignored;
  if (!staging.empty()) fs::remove_all(staging, ignored);
}

void publish(OutputDirectory& out) {
  if (out.staging.empty()) return;
  std::error_code ec;
  fs::rename(out.staging, out.path, ec);  // fails (rather than merging) if the name was taken meanwhile
  if (ec) throw std::runtime_error("cannot move the results into " + out.path.string() + ": " + ec.message());
  out.staging.clear();
}

void write_result_files(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<fs::path> written;
  try {
    for (const auto& [name, content] : files) {
      sim::write_file_atomically(dir / name, content);
      written.push_back(dir / name);
    }
  } catch (...) {
    std::error_code ignored;
    for (const auto& file : written) fs::remove(file, ignored);
    throw;
  }
}

std::vector<std::pair<std::string, std::string>> for_spreadsheets(std::vector<std::pair<std::string, std::string>> files,
                                                                  bool excel) {
  if (!excel) return files;
  for (auto& [name, content] : files)
    if (fs::path(name).extension() == ".csv") content.insert(0, "\xEF\xBB\xBF");
  return files;
}

std::string point_latest_link(const fs::path& dir) {
  std::error_code ec;
  const fs::path link = "results/latest";
  const auto status = fs::symlink_status(link, ec);
  if (fs::exists(status) && !fs::is_symlink(status))
    return link.string() + " is a " + (fs::is_directory(status) ? "directory" : "file") +
           ", not a link: left as it is (remove it to have it follow the newest run)";
  fs::remove(link, ec);
  fs::create_directory_symlink(fs::relative(dir, "results", ec), link, ec);
  if (ec) return "could not point " + link.string() + " at the run: " + ec.message();
  return {};
}

}  // namespace shanzhi::cli
