#pragma once
// Parameter schema: every scenario key a model accepts, with its type, unit, range, default,
// meaning and source. The schema is the single source of truth for scenario validation, the
// `--set` overrides, docs/parameters.md, experiment designs and the GUI's lever panel.
//
// A model describes its parameter struct `P` once with `ParameterSchema<P>::add_*`, binding each
// key to a field through an accessor. Nothing here knows about governance.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace shanzhi::sim {

enum class ParamType { real, integer, boolean, choice };

std::string_view to_string(ParamType type);

/// A parameter value as read from a scenario file or the command line.
using ParamValue = std::variant<double, std::int64_t, bool, std::string>;

std::string format_value(const ParamValue& value);
/// A value as a number (true/false as 1/0), or nullopt for a name: what a numeric table or
/// analysis (regression, PRIM, HDF5 columns) can hold of it.
std::optional<double> numeric_value(const ParamValue& value);

/// Where a parameter value came from, for error messages and the run manifest.
struct SourceLocation {
  std::string file;  ///< file path, or "--set", or "default"
  int line = 0;      ///< 1-based; 0 when there is no line (defaults, --set)
  int column = 0;    ///< 1-based; 0 when there is no column
  std::string describe() const;  ///< "file:line:column", or just the file
};

/// What a key is for (EMA Workbench keeps levers, uncertainties and constants apart):
///   control     how a run is made (seed, horizon, output cadence); not part of the model
///   structure   the district a planner describes (size, population shares)
///   lever       a policy a planner pulls (the seed's L1–L21)
///   option      a scenario choice that is not a seed lever (e.g. an optional government rule)
///   assumption  a number the model assumes: uncertain, with a plausible range
enum class ParamRole { control, structure, lever, option, assumption };

std::string_view to_string(ParamRole role);

/// The values an assumed number could plausibly take, and why: what a reviewer would accept as
/// the model's knowledge of it. `shanzhi compare --assumptions default` samples within it.
struct PlausibleRange {
  double low = 0;
  double high = 0;
  std::string reason;  ///< the source or reasoning behind the range
};

/// Documentation and constraints of one scenario key, independent of the struct it binds to.
struct ParamInfo {
  std::string key;          ///< dotted scenario key, e.g. "workers.pay_ratio"
  ParamType type = ParamType::real;
  ParamValue default_value;  ///< filled from the parameter struct's member initializer
  double min = 0;           ///< inclusive bounds for real and integer parameters
  double max = 0;
  std::vector<std::string> choices;  ///< allowed values of a choice parameter
  std::string unit;         ///< e.g. "hours/week", "CNY", "share 0-1"; empty for counts/flags
  std::string meaning;      ///< one sentence: what the parameter does in the model
  std::string source;       ///< "[S22]" style literature reference, "[Seed]" or "assumption"
  std::string lever;        ///< seed lever id ("L1".."L21") when the parameter is a policy lever
  std::string group;        ///< section heading in docs and the GUI: the lever's or mechanism's name
  ParamRole role = ParamRole::assumption;
  /// For assumptions: the plausible range (every assumption has one; a test checks).
  std::optional<PlausibleRange> plausible;
  /// Value the lever holds during burn-in and in the pre-reform baseline; only for levers.
  std::optional<ParamValue> pre_reform_value;
  /// Read when a fiscal year opens (annual budgets, the purchase catalogue): a change made during
  /// a year takes effect at the next fiscal year, not the next week.
  bool at_fiscal_year = false;

  bool is_lever() const { return !lever.empty(); }
  bool is_assumption() const { return role == ParamRole::assumption; }
  /// Why `value` is not acceptable for this key, or empty if it is. Checks type, finiteness,
  /// range and choices; an integer is accepted for a real parameter.
  std::string check(const ParamValue& value) const;
  /// What an acceptable value looks like, e.g. "a number between 0 and 1 (share 0-1)"; used by
  /// check() and by readers that meet a value ParamValue cannot hold (arrays, tables, dates).
  std::string expected_text() const;
  /// The value converted to this parameter's type (integer → real); call after check().
  ParamValue normalise(const ParamValue& value) const;
  /// The allowed values: "0–1", "true/false" or "fifo | priority".
  std::string range_text() const;
};

/// The schema for parameter struct P: info plus a setter and getter per key.
template <class P>
class ParameterSchema {
 public:
  struct Entry {
    ParamInfo info;
    std::function<void(P&, const ParamValue&)> set;
    std::function<ParamValue(const P&)> get;
  };

  template <class Accessor>
  void add_real(ParamInfo info, double min, double max, Accessor field) {
    info.type = ParamType::real;
    info.min = min;
    info.max = max;
    add(std::move(info), field, [](auto& target, const ParamValue& v) {
      target = static_cast<std::remove_reference_t<decltype(target)>>(std::get<double>(v));
    }, [](const auto& source) { return ParamValue(static_cast<double>(source)); });
  }

  template <class Accessor>
  void add_integer(ParamInfo info, std::int64_t min, std::int64_t max, Accessor field) {
    info.type = ParamType::integer;
    info.min = static_cast<double>(min);
    info.max = static_cast<double>(max);
    add(std::move(info), field, [](auto& target, const ParamValue& v) {
      target = static_cast<std::remove_reference_t<decltype(target)>>(std::get<std::int64_t>(v));
    }, [](const auto& source) { return ParamValue(static_cast<std::int64_t>(source)); });
  }

  template <class Accessor>
  void add_boolean(ParamInfo info, Accessor field) {
    info.type = ParamType::boolean;
    add(std::move(info), field,
               [](auto& target, const ParamValue& v) { target = std::get<bool>(v); },
               [](const auto& source) { return ParamValue(static_cast<bool>(source)); });
  }

  /// A choice among named values, bound to an enum field; `names[i]` names enum value i.
  template <class Accessor>
  void add_choice(ParamInfo info, std::vector<std::string> names, Accessor field) {
    info.type = ParamType::choice;
    info.choices = names;
    add(std::move(info), field,
               [names](auto& target, const ParamValue& v) {
                 const auto& text = std::get<std::string>(v);
                 for (std::size_t i = 0; i < names.size(); ++i)
                   if (names[i] == text) target = static_cast<std::remove_reference_t<decltype(target)>>(i);
               },
               [names](const auto& source) { return ParamValue(names.at(static_cast<std::size_t>(source))); });
  }

  /// Gives the key added last its plausible range (an assumption's; see PlausibleRange).
  void set_plausible(PlausibleRange range) { entries_.back().info.plausible = std::move(range); }
  /// Marks the key added last as read when a fiscal year opens (see ParamInfo::at_fiscal_year).
  void set_at_fiscal_year() { entries_.back().info.at_fiscal_year = true; }

  const std::vector<Entry>& entries() const { return entries_; }
  const Entry* find(std::string_view key) const {
    for (const auto& e : entries_)
      if (e.info.key == key) return &e;
    return nullptr;
  }
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const auto& e : entries_) out.push_back(e.info.key);
    return out;
  }
  std::vector<ParamInfo> infos() const {
    std::vector<ParamInfo> out;
    for (const auto& e : entries_) out.push_back(e.info);
    return out;
  }

  /// Copy of `params` with every lever set to its pre-reform value (burn-in, baseline).
  P with_levers_pre_reform(P params) const {
    for (const auto& e : entries_)
      if (e.info.pre_reform_value) e.set(params, *e.info.pre_reform_value);
    return params;
  }

 private:
  template <class Accessor, class Setter, class Getter>
  void add(ParamInfo info, Accessor field, Setter setter, Getter getter) {
    Entry entry;
    entry.info = std::move(info);
    entry.set = [field, setter](P& p, const ParamValue& v) { setter(field(p), v); };
    entry.get = [field, getter](const P& p) { return getter(field(const_cast<P&>(p))); };
    // The documented default is read from the struct's own member initializer, so the docs can
    // never disagree with the code.
    entry.info.default_value = entry.get(P{});
    if (entry.info.is_lever()) entry.info.role = ParamRole::lever;
    // A lever's pre-reform value is its default unless stated otherwise.
    if (entry.info.is_lever() && !entry.info.pre_reform_value)
      entry.info.pre_reform_value = entry.info.default_value;
    entries_.push_back(std::move(entry));
  }

  std::vector<Entry> entries_;
};

}  // namespace shanzhi::sim
