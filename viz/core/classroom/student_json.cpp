#include "core/classroom/student_json.hpp"

#include "models/governance/spec/parameter_schema.hpp"
#include "sim/output/json_writer.hpp"

namespace shanzhi::viz::classroom {
namespace {

void write_outcome(sim::JsonWriter& json, const gov::StreetWeekOutcome& o) {
  json.begin_object()
      .key("satisfaction_mean").value(o.satisfaction_mean)
      .key("unmet_need_share").value(o.unmet_need_share)
      .key("wait_mean_weeks").value(o.wait_mean_weeks)
      .key("trust_street_mean").value(o.trust_street_mean)
      .key("purchased_hours").value(o.purchased_hours)
      .key("budget_per_community_yuan").value(o.budget_per_community_yuan)
      .end_object();
}

void write_levers(sim::JsonWriter& json, const StreetView& view) {
  json.begin_array();
  for (int i = 0; i < gov::street_lever_count; ++i) {
    const auto index = static_cast<std::size_t>(i);
    const std::string key(gov::street_lever_key(static_cast<gov::StreetLever>(i)));
    const auto& info = gov::governance_schema().find(key)->info;
    json.begin_object()
        .key("key").value(key)
        .key("value").value(view.levers[index])
        .key("own").value(view.own[index])
        .key("min").value(info.min)
        .key("max").value(info.max)
        .key("unit").value(info.unit)
        .key("fiscal_year").value(info.at_fiscal_year)
        .end_object();
  }
  json.end_array();
}

/// Only the satisfaction series goes to the page's plot: the rest is in "latest".
void write_satisfaction_series(sim::JsonWriter& json, const std::vector<gov::StreetWeekOutcome>& history) {
  json.begin_array();
  for (const auto& week : history) json.value(week.satisfaction_mean);
  json.end_array();
}

}  // namespace

std::string error_json(const std::string& message) {
  sim::JsonWriter json;
  json.begin_object().key("error").value(message).end_object();
  return json.str();
}

std::string join_json(const JoinReply& reply, const std::string& street_name) {
  sim::JsonWriter json;
  json.begin_object().key("token").value(reply.token).key("street").value(reply.street).key("street_name").value(street_name).end_object();
  return json.str();
}

std::string seats_json(const std::vector<Seat>& seats) {
  sim::JsonWriter json;
  json.begin_object().key("streets").begin_array();
  for (std::size_t t = 0; t < seats.size(); ++t)
    json.begin_object().key("street").value(t).key("name").value(seats[t].street_name).key("taken").value(!seats[t].student.empty()).end_object();
  json.end_array().end_object();
  return json.str();
}

std::string street_json(const StreetView& view) {
  sim::JsonWriter json;
  json.begin_object()
      .key("street").value(view.street)
      .key("street_name").value(view.street_name)
      .key("student").value(view.student)
      .key("week").value(view.recorded_week)
      .key("communities").value(view.communities)
      .key("budget_ceiling_per_community_yuan").value(view.budget_ceiling_per_community_yuan);
  json.key("levers");
  write_levers(json, view);
  json.key("latest");
  write_outcome(json, view.history.back());
  json.key("district_latest");
  write_outcome(json, view.district.back());
  json.key("satisfaction_by_week");
  write_satisfaction_series(json, view.history);
  json.key("district_satisfaction_by_week");
  write_satisfaction_series(json, view.district);
  json.end_object();
  return json.str();
}

}  // namespace shanzhi::viz::classroom
