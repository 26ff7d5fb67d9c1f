// Loading a scenario file and its `extends` ancestors into one validated document.

#include "sim/scenario/scenario.hpp"

#include "sim/scenario/file_text.hpp"
#include "sim/scenario/toml_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace shanzhi::sim {
namespace {

namespace fs = std::filesystem;

/// A stable identity for a file however it was named, so "a.toml" and "./x/../a.toml" are
/// recognised as the same file when looking for cycles.
fs::path identity_of(const fs::path& file) {
  std::error_code error;
  auto canonical = fs::weakly_canonical(file, error);
  if (!error) return canonical;
  return fs::absolute(file, error).lexically_normal();
}

/// `file` without "dir/.." detours, for readable messages, unless that names another file (a
/// symbolic link followed by "..").
fs::path tidy(const fs::path& file) {
  const auto normal = file.lexically_normal();
  std::error_code error;
  const bool neither_exists = !fs::exists(file, error) && !fs::exists(normal, error);
  return neither_exists || fs::equivalent(file, normal, error) ? normal : file;
}

/// Files an `extends` chain may hold: far more than any real chain (the shipped ones have at
/// most three), and far below the depth at which the recursive loader would exhaust the stack
/// (about 8,000 files).
constexpr std::size_t most_extends_depth = 64;

/// Reads a file and, recursively, the files it extends, collecting every problem on the way.
class ScenarioLoader {
 public:
  explicit ScenarioLoader(const std::vector<ParamInfo>& schema) : schema_(schema) {}

  ScenarioDocument load(const fs::path& file) {
    doc_.path = file.string();
    const auto contents = load_file(file, SourceLocation{doc_.path, 0, 0}, "");
    if (has_errors()) throw ScenarioError(std::move(problems_));
    // Name and description describe this very file, so they are not inherited from ancestors.
    doc_.name = contents && contents->name ? *contents->name : file.stem().string();
    doc_.description = contents && contents->description ? *contents->description : "";
    return std::move(doc_);
  }

 private:
  /// Reads `file` (named at `named_at`, under `naming_key`), its ancestors first, then lays its
  /// own values over theirs. Returns what the file says, or nullopt if it could not be read.
  std::optional<detail::FileContents> load_file(const fs::path& file, const SourceLocation& named_at,
                                                const std::string& naming_key) {
    const std::string name = file.string();
    auto text = detail::read_scenario_text(file);
    if (text.problem) {
      report_unreadable(name, *text.problem, named_at, naming_key);
      return std::nullopt;
    }
    doc_.sources.emplace_back(name, text.text);
    auto contents = detail::read_toml_scenario(text.text, name, schema_);
    take_diagnostics(contents.diagnostics);
    chain_.push_back({identity_of(file), name});
    if (contents.extends) load_parent(file, contents.extends->first, contents.extends->second);
    chain_.pop_back();
    for (auto& [key, value] : contents.values) doc_.values.insert_or_assign(key, value);
    return contents;
  }

  /// Follows `extends = "target"` written in `child` at `where`, unless that closes a cycle.
  void load_parent(const fs::path& child, const std::string& target, const SourceLocation& where) {
    const fs::path parent = tidy(child.parent_path() / target);
    const auto identity = identity_of(parent);
    const auto repeat =
        std::find_if(chain_.begin(), chain_.end(), [&](const auto& link) { return link.first == identity; });
    if (repeat == chain_.end() && chain_.size() >= most_extends_depth) {
      problems_.push_back({Diagnostic::Severity::error, where, "extends",
                           "extends chain longer than " + std::to_string(most_extends_depth) + " files (from " +
                               chain_.front().second + "); shorten it"});
      return;
    }
    if (repeat == chain_.end()) {
      load_file(parent, where, "extends");
      return;
    }
    std::string cycle;
    for (auto link = repeat; link != chain_.end(); ++link) cycle += link->second + " -> ";
    problems_.push_back(
        {Diagnostic::Severity::error, where, "extends", "extends cycle: " + cycle + parent.string()});
  }

  void report_unreadable(const std::string& name, const detail::TextProblem& problem,
                         const SourceLocation& named_at, const std::string& naming_key) {
    Diagnostic d;
    if (!problem.cannot_open) {
      // Bad content is a problem of the file itself, wherever it was named.
      d.where = SourceLocation{name, problem.line, problem.column};
      d.message = problem.message;
    } else {
      d.where = named_at;
      d.key = naming_key;
      d.message = naming_key.empty() ? "cannot read scenario file: " + problem.message
                                     : "cannot read '" + name + "': " + problem.message;
    }
    problems_.push_back(std::move(d));
  }

  void take_diagnostics(std::vector<Diagnostic>& found) {
    for (auto& d : found) {
      if (d.severity == Diagnostic::Severity::warning) doc_.warnings.push_back(d);
      problems_.push_back(std::move(d));
    }
  }

  bool has_errors() const {
    return std::any_of(problems_.begin(), problems_.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
  }

  const std::vector<ParamInfo>& schema_;
  ScenarioDocument doc_;
  std::vector<Diagnostic> problems_;  ///< errors and warnings, thrown together if any is an error
  /// Files being loaded, outermost first: identity for comparison, name as written for messages.
  std::vector<std::pair<fs::path, std::string>> chain_;
};

}  // namespace

ScenarioDocument load_scenario(const std::filesystem::path& file, const std::vector<ParamInfo>& schema) {
  return ScenarioLoader(schema).load(file);
}

}  // namespace shanzhi::sim
