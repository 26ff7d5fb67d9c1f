#include "sim/output/run_outputs.hpp"

#include "sim/build_info.hpp"
#include "sim/calendar.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/json_writer.hpp"

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <system_error>
#include <type_traits>
#include <variant>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shanzhi::sim {
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Numbers

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return "0";  // -0.0 and 0.0 print alike so equal runs give equal bytes
  // The longest shortest-form double is 24 characters ("-2.2250738585072014e-308").
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (result.ec != std::errc()) throw std::logic_error("format_number: buffer too small");
  return std::string(buffer.data(), result.ptr);
}

// ---------------------------------------------------------------------------------------------
// Atomic file writing
//
// POSIX calls rather than iostreams: an ofstream hides the errno of a failed write and of the
// final close, which is where a full disk (ENOSPC) or a quota shows up on many file systems.

namespace {

[[noreturn]] void fail_to_write(const fs::path& path, int error) {
  throw std::runtime_error("cannot write " + path.string() + ": " +
                           std::system_category().message(error));
}

/// Writes all of `content`, retrying short writes and signal interruptions; 0 or an errno.
int write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

/// Creates a new temporary file from `name_template` (ending in XXXXXX, replaced in place) with
/// `content` and forces it to disk; 0 or an errno. mkstemp creates the file exclusively
/// (O_EXCL) under an unpredictable name, so a file or symbolic link planted under the name
/// cannot be written through.
int write_and_sync_new(std::string& name_template, std::string_view content) {
  const int fd = ::mkostemp(name_template.data(), O_CLOEXEC);
  if (fd < 0) return errno;
  int error = ::fchmod(fd, 0644) == 0 ? 0 : errno;  // mkstemp makes 0600; results are for reading
  if (error == 0) error = write_all(fd, content);
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  return error;
}

/// Makes the rename itself durable. Best effort: the file is already complete and in place, and
/// some file systems refuse to fsync a directory.
void sync_directory_of(const fs::path& path) {
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content) {
  // The rename replaces whatever holds the name. For a device, a pipe or a socket (say /dev/full
  // or /dev/stdout, and /dev is writable by root) that would swap the special file for a regular
  // one, so only regular files are replaced.
  std::error_code status_error;
  const auto status = fs::status(path, status_error);
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw std::runtime_error("cannot write " + path.string() + ": " +
                             (fs::is_directory(status) ? "it is a directory"
                                                       : "it exists and is not a regular file (a device, pipe or socket)"));
  // Same directory as the target, so the rename never crosses file systems; a fresh random
  // suffix keeps two processes (or a planted file) from sharing a temporary.
  std::string temporary = path.string() + ".tmp.XXXXXX";
  int error = write_and_sync_new(temporary, content);
  if (error == 0 && std::rename(temporary.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    if (temporary.find("XXXXXX") == std::string::npos) ::unlink(temporary.c_str());  // only one we created
    fail_to_write(path, error);
  }
  sync_directory_of(path);
}

// ---------------------------------------------------------------------------------------------
// CSV files

std::string timeseries_csv(const MetricRecorder& recorder) {
  const auto& metrics = recorder.metrics();
  std::vector<std::string> fields{"week"};
  for (const auto& metric : metrics) fields.push_back(csv_field(metric.name));
  std::string out;
  append_csv_line(out, fields);

  for (std::size_t row = 0; row < recorder.row_count(); ++row) {
    fields.assign(1, std::to_string(recorder.week_of_row(row)));
    for (MetricRecorder::Handle h = 0; h < metrics.size(); ++h)
      fields.push_back(format_number(recorder.value(row, h)));
    append_csv_line(out, fields);
  }
  return out;
}

std::string outcomes_csv(const MetricRecorder& recorder) {
  std::string out;
  append_csv_line(out, {"metric", "final", "mean_last_year", "unit", "direction", "description"});
  const bool has_rows = recorder.row_count() > 0;
  const auto& metrics = recorder.metrics();
  for (MetricRecorder::Handle h = 0; h < metrics.size(); ++h) {
    const double final_value = has_rows ? recorder.final_value(h) : std::nan("");
    const double mean_last_year = recorder.mean_of_last(h, weeks_per_year);
    append_csv_line(out, {csv_field(metrics[h].name), format_number(final_value),
                          format_number(mean_last_year), csv_field(metrics[h].unit),
                          std::string(to_string(metrics[h].direction)),
                          csv_field(metrics[h].description)});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Manifest

namespace {

void write_parameter_value(JsonWriter& json, const ParamValue& value) {
  std::visit([&](const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string>)
      json.value(std::string_view(v));
    else
      json.value(v);
  }, value);
}

void write_parameters(JsonWriter& json, const std::vector<ResolvedParameter>& parameters) {
  json.begin_object();
  for (const auto& parameter : parameters) {
    json.key(parameter.key).begin_object();
    json.key("value");
    write_parameter_value(json, parameter.value);
    json.key("source").value(parameter.source.describe());
    json.end_object();
  }
  json.end_object();
}

void write_scenario_files(JsonWriter& json,
                          const std::vector<std::pair<std::string, std::string>>& files) {
  json.begin_array();
  for (const auto& [path, text] : files)
    json.begin_object().key("path").value(path).key("text").value(text).end_object();
  json.end_array();
}

}  // namespace

std::string manifest_json(const RunManifest& manifest) {
  JsonWriter json;
  json.begin_object();
  json.key("shanzhi_version").value(shanzhi_version());
  json.key("git_commit").value(shanzhi_git_commit());
  json.key("scenario_name").value(manifest.scenario_name);
  json.key("scenario_path").value(manifest.scenario_path);
  json.key("started_at").value(manifest.started_at);
  json.key("command_line").value(manifest.command_line);
  // The seed is a string on purpose: seeds use all 64 bits, and JSON readers that store numbers
  // as doubles (JavaScript, jq, many others) silently round anything above 2^53, which would make
  // the run impossible to reproduce from its own manifest.
  json.key("seed").value(std::to_string(manifest.seed));
  json.key("weeks").value(manifest.weeks);
  json.key("burn_in_weeks").value(manifest.burn_in_weeks);
  json.key("threads").value(manifest.threads);
  json.key("wall_seconds").value(manifest.wall_seconds);

  json.key("overrides").begin_array();
  for (const auto& assignment : manifest.overrides) json.value(assignment);
  json.end_array();

  json.key("parameters");
  write_parameters(json, manifest.parameters);
  json.key("scenario_files");
  write_scenario_files(json, manifest.scenario_files);
  json.end_object();
  return json.str() + "\n";
}

}  // namespace shanzhi::sim
