#include "sim/scenario/toml_reader.hpp"

#include "sim/scenario/toml_values.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <set>

namespace shanzhi::sim::detail {
namespace {

// Reserved top-level names that are not parameters (see scenario.hpp).
constexpr std::string_view extends_key = "extends";
constexpr std::string_view metadata_table = "scenario";
const std::vector<std::string> metadata_keys{"scenario.name", "scenario.description"};

std::string join_key(std::string_view prefix, std::string_view name) {
  std::string out(prefix);
  if (!out.empty()) out += '.';
  return out.append(name);
}

/// Every table a scenario may open: each proper dotted prefix of a schema key ("workers" for
/// "workers.pay_ratio").
std::set<std::string> table_names(const std::vector<ParamInfo>& schema) {
  std::set<std::string> out;
  for (const auto& info : schema)
    for (auto dot = info.key.find('.'); dot != std::string::npos; dot = info.key.find('.', dot + 1))
      out.insert(info.key.substr(0, dot));
  return out;
}

bool by_position(const Diagnostic& a, const Diagnostic& b) {
  return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
}

/// Walks one parsed file, recording valid values and a diagnostic for everything else.
class Reader {
 public:
  Reader(const std::string& path, const std::vector<ParamInfo>& schema)
      : path_(path), schema_(schema), tables_(table_names(schema)) {}

  FileContents read(std::string_view text) {
    try {
      const toml::table root = toml::parse(text, std::string_view{path_});
      read_table(root, "");
    } catch (const toml::parse_error& e) {
      error(at(e.source()), "", "invalid TOML: " + std::string(e.description()));
    }
    std::stable_sort(contents_.diagnostics.begin(), contents_.diagnostics.end(), by_position);
    if (sets_nothing())
      warn(SourceLocation{path_, 0, 0}, "file sets no parameters; every value keeps its default");
    return std::move(contents_);
  }

 private:
  void read_table(const toml::table& table, const std::string& prefix) {
    for (auto&& [key, node] : table) read_entry(key, node, prefix);
  }

  void read_entry(const toml::key& key, const toml::node& node, const std::string& prefix) {
    const std::string dotted = join_key(prefix, key.str());
    if (dotted == extends_key) return read_extends(node);
    if (dotted == metadata_table) return read_metadata(node);
    if (const auto* info = find(dotted)) return read_parameter(*info, node);
    if (!tables_.count(dotted)) return unknown(dotted, key, node.is_table());
    if (const auto* table = node.as_table()) return read_table(*table, dotted);
    error(at(node.source()), dotted,
          "is a table of parameters (such as '" + first_key_under(dotted) + "'), not a single value; got " +
              describe_node(node));
  }

  void read_parameter(const ParamInfo& info, const toml::node& node) {
    const auto where = at(node.source());
    const auto value = scalar_value(node);
    if (!value) return error(where, info.key, "expected " + info.expected_text() + ", got " + kind_of(node));
    if (auto problem = info.check(*value); !problem.empty()) return error(where, info.key, problem);
    contents_.values[info.key] = {info.normalise(*value), where};
  }

  void read_extends(const toml::node& node) {
    const auto where = at(node.source());
    const auto* target = node.as_string();
    if (!target || target->get().empty())
      return error(where, std::string(extends_key),
                   "expected the path of another scenario file in quotes, got " + describe_node(node));
    contents_.extends = {target->get(), where};
  }

  void read_metadata(const toml::node& node) {
    const auto* table = node.as_table();
    if (!table)
      return error(at(node.source()), std::string(metadata_table),
                   "is reserved for the [scenario] table (name, description); got " + describe_node(node));
    for (auto&& [key, value] : *table) {
      const std::string dotted = join_key(metadata_table, key.str());
      if (dotted == metadata_keys[0]) read_metadata_text(dotted, value, contents_.name);
      else if (dotted == metadata_keys[1]) read_metadata_text(dotted, value, contents_.description);
      else unknown_among(dotted, key, metadata_keys, "unknown key");
    }
  }

  void read_metadata_text(const std::string& key, const toml::node& node, std::optional<std::string>& into) {
    if (const auto* text = node.as_string()) into = text->get();
    else error(at(node.source()), key, "expected text in quotes, got " + describe_node(node));
  }

  void unknown(const std::string& dotted, const toml::key& key, bool is_table) {
    std::vector<std::string> candidates;
    for (const auto& info : schema_) candidates.push_back(info.key);
    if (is_table) {
      candidates.insert(candidates.end(), tables_.begin(), tables_.end());
      candidates.emplace_back(metadata_table);
    } else if (dotted.find('.') == std::string::npos) {
      candidates.emplace_back(extends_key);
    }
    unknown_among(dotted, key, candidates, is_table ? "unknown table" : "unknown key");
  }

  void unknown_among(const std::string& dotted, const toml::key& key,
                     const std::vector<std::string>& candidates, std::string message) {
    if (const auto near = nearest_key(dotted, candidates); !near.empty())
      message += "; did you mean '" + near + "'?";
    error(at(key.source()), dotted, std::move(message));
  }

  const ParamInfo* find(std::string_view key) const {
    for (const auto& info : schema_)
      if (info.key == key) return &info;
    return nullptr;
  }

  std::string first_key_under(const std::string& table) const {
    for (const auto& info : schema_)
      if (info.key.rfind(table + ".", 0) == 0) return info.key;
    return table;
  }

  bool sets_nothing() const {
    return contents_.values.empty() && !contents_.extends && !contents_.name && !contents_.description &&
           contents_.diagnostics.empty();
  }

  SourceLocation at(const toml::source_region& region) const {
    return SourceLocation{path_, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
  }

  void error(SourceLocation where, std::string key, std::string message) {
    contents_.diagnostics.push_back(
        {Diagnostic::Severity::error, std::move(where), std::move(key), std::move(message)});
  }

  void warn(SourceLocation where, std::string message) {
    contents_.diagnostics.push_back(
        {Diagnostic::Severity::warning, std::move(where), {}, std::move(message)});
  }

  const std::string& path_;
  const std::vector<ParamInfo>& schema_;
  const std::set<std::string> tables_;
  FileContents contents_;
};

}  // namespace

FileContents read_toml_scenario(std::string_view text, const std::string& path,
                                const std::vector<ParamInfo>& schema) {
  return Reader(path, schema).read(text);
}

}  // namespace shanzhi::sim::detail
