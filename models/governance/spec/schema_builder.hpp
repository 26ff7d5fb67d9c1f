#pragma once
// What the schema files (parameter_schema.cpp and spec/schema_*.cpp, one per group of
// mechanisms) share: the TableBuilder that adds the keys of one scenario table, and the function
// each file defines for its tables. Internal to spec/; everything else reads governance_schema().

#include "models/governance/spec/parameter_schema.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace shanzhi::gov::schema {

using P = GovernanceParameters;

/// `x` to six significant digits: a plausible bound computed as a multiple of a default reads
/// 0.225 in the docs, not 0.22499999999999998.
inline double tidy(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", x);
  return std::strtod(text, nullptr);
}

/// Adds keys of one scenario table ("[workforce]") with less repetition.
class TableBuilder {
 public:
  /// Keys of `table`, in docs/GUI group `group`; keys that are not levers have role `role`.
  TableBuilder(Schema& schema, std::string table, std::string group,
               sim::ParamRole role = sim::ParamRole::assumption)
      : schema_(schema), table_(std::move(table)), group_(std::move(group)), role_(role) {}

  /// Switches the GUI/docs group for the following keys of this table: the group names the
  /// lever or the mechanism the keys belong to.
  TableBuilder& group(std::string group) {
    group_ = std::move(group);
    return *this;
  }

  /// Switches the role of the following keys (levers keep theirs).
  TableBuilder& role(sim::ParamRole role) {
    role_ = role;
    return *this;
  }

  /// The plausible range of the key added last (an assumption): [low, high] and why.
  TableBuilder& plausible(double low, double high, const char* reason) {
    schema_.set_plausible({low, high, reason});
    return *this;
  }

  /// The key added last is read when a fiscal year opens: a change takes effect then.
  TableBuilder& at_fiscal_year() {
    schema_.set_at_fiscal_year();
    return *this;
  }

  template <class F>
  TableBuilder& real(const char* name, double lo, double hi, const char* unit, const char* meaning,
                     const char* source, F field, const char* lever = "") {
    schema_.add_real(info(name, unit, meaning, source, lever), lo, hi, field);
    return *this;
  }
  template <class F>
  TableBuilder& integer(const char* name, std::int64_t lo, std::int64_t hi, const char* unit,
                        const char* meaning, const char* source, F field, const char* lever = "") {
    schema_.add_integer(info(name, unit, meaning, source, lever), lo, hi, field);
    return *this;
  }
  template <class F>
  TableBuilder& boolean(const char* name, const char* meaning, const char* source, F field,
                        const char* lever = "") {
    schema_.add_boolean(info(name, "on/off", meaning, source, lever), field);
    return *this;
  }
  template <class F>
  TableBuilder& choice(const char* name, std::vector<std::string> names, const char* meaning,
                       const char* source, F field, const char* lever = "") {
    schema_.add_choice(info(name, "choice", meaning, source, lever), std::move(names), field);
    return *this;
  }

 private:
  sim::ParamInfo info(const char* name, const char* unit, const char* meaning, const char* source,
                      const char* lever) const {
    sim::ParamInfo i;
    i.key = table_ + "." + name;
    i.unit = unit;
    i.meaning = meaning;
    i.source = source;
    i.lever = lever;
    i.group = group_;
    i.role = role_;
    return i;
  }

  Schema& schema_;
  std::string table_;
  std::string group_;
  sim::ParamRole role_;
};

// The tables, in the order of the scenario file and docs/parameters.md.
void add_needs(Schema& s);          // schema_needs.cpp: needs and their rates, services, information
void add_services(Schema& s);
void add_satisfaction(Schema& s);   // schema_opinion.cpp: satisfaction, word of mouth, trust
void add_word_of_mouth(Schema& s);
void add_trust(Schema& s);
void add_participation(Schema& s);  // schema_participation.cpp: participation, appraisal
void add_workforce(Schema& s);      // schema_workforce.cpp: workforce, admin
void add_admin(Schema& s);
void add_purchase(Schema& s);       // schema_provision.cpp: purchase, catalogue, organisations,
void add_catalogue(Schema& s);      //   enterprises, coordination
void add_organizations(Schema& s);
void add_tiers(Schema& s);
void add_enterprises(Schema& s);
void add_information(Schema& s);    // schema_needs.cpp
void add_appraisal(Schema& s);      // schema_participation.cpp
void add_coordination(Schema& s);   // schema_provision.cpp
void add_costs(Schema& s);          // schema_costs.cpp: the public cost of workers and reforms

}  // namespace shanzhi::gov::schema
