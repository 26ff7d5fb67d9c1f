#include "core/classroom/session.hpp"

#include "core/classroom/join_code.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace shanzhi::viz::classroom {
namespace {

/// Names are shown in the trainer's table and written to the log: at most this many bytes.
constexpr std::size_t max_name_bytes = 40;

Reply refuse(int status, std::string why) { return Reply{status, std::move(why)}; }

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string known_keys() {
  std::string keys;
  for (int i = 0; i < gov::street_lever_count; ++i)
    keys += (i ? ", " : "") + std::string(gov::street_lever_key(static_cast<gov::StreetLever>(i)));
  return keys;
}

}  // namespace

ClassroomSession::ClassroomSession(const gov::GovernanceParameters& scenario, std::string join_code, SessionOptions options)
    : scenario_(scenario), join_code_(std::move(join_code)), run_(scenario) {
  budget_ceiling_per_community_yuan_ = options.budget_ceiling_per_community_yuan > 0
                                           ? options.budget_ceiling_per_community_yuan
                                           : 2 * scenario.purchase.budget_per_community_yuan;
  for (const auto& street : run_.model().state().layout.streets) seats_.push_back({street.name, "", ""});
}

JoinReply ClassroomSession::join(std::string_view code, std::string_view student, std::optional<std::size_t> street) {
  JoinReply reply;
  auto fail = [&](int status, std::string why) {
    reply.status = status;
    reply.error = std::move(why);
    return reply;
  };
  if (code != join_code_) return fail(403, "wrong join code");
  if (student.empty() || student.size() > max_name_bytes) return fail(400, "a name of 1 to 40 bytes is needed");
  std::lock_guard lock(mutex_);
  if (street && *street >= seats_.size()) return fail(400, "no such street");
  if (!street)
    for (std::size_t t = 0; t < seats_.size() && !street; ++t)
      if (seats_[t].student.empty()) street = t;
  if (!street) return fail(409, "every street is taken");
  if (!seats_[*street].student.empty()) return fail(409, "that street is taken");
  seats_[*street].student = std::string(student);
  seats_[*street].token = random_token();
  reply.token = seats_[*street].token;
  reply.street = *street;
  return reply;
}

std::optional<std::size_t> ClassroomSession::street_of(std::string_view token) const {
  std::lock_guard lock(mutex_);
  for (std::size_t t = 0; t < seats_.size(); ++t)
    if (!token.empty() && seats_[t].token == token) return t;
  return std::nullopt;
}

Reply ClassroomSession::check_value(gov::StreetLever lever, double value) const {
  const std::string key(gov::street_lever_key(lever));
  const std::string problem = gov::governance_schema().find(key)->info.check(sim::ParamValue{value});
  if (!problem.empty()) return refuse(400, key + ": " + problem);
  if (lever == gov::StreetLever::purchase_budget && value > budget_ceiling_per_community_yuan_)
    return refuse(409, "over the street's budget: at most " + std::to_string(static_cast<long long>(budget_ceiling_per_community_yuan_)) +
                           " CNY per community and year");
  return {};
}

Reply ClassroomSession::set_lever(std::string_view token, std::string_view key, std::string_view value_text) {
  const auto street = street_of(token);
  if (!street) return refuse(401, "unknown token: join the class first");
  const auto lever = gov::street_lever_of_key(key);
  if (!lever) return refuse(400, "unknown lever '" + std::string(key) + "'; a street holds " + known_keys());
  const auto value = parse_number(value_text);
  if (!value) return refuse(400, "the value must be a number");
  if (auto problem = check_value(*lever, *value); !problem.ok()) return problem;
  std::lock_guard lock(mutex_);
  StreetChoice choice{run_.model_week(), run_.recorded_week(), *street, *lever, *value, seats_[*street].student};
  try {
    run_.apply(choice);
  } catch (const std::invalid_argument& refused) {
    return refuse(400, refused.what());
  }
  choices_.push_back(std::move(choice));
  return {};
}

void ClassroomSession::advance(int weeks) {
  for (int i = 0; i < weeks; ++i) {
    // One week per lock, so students' requests are answered between weeks.
    std::lock_guard lock(mutex_);
    if (run_.finished()) return;
    run_.advance_week();
  }
}

bool ClassroomSession::finished() const {
  std::lock_guard lock(mutex_);
  return run_.finished();
}

StreetView ClassroomSession::street_view_locked(std::size_t street) const {
  const auto& state = run_.model().state();
  StreetView view;
  view.street = street;
  view.street_name = seats_[street].street_name;
  view.student = seats_[street].student;
  view.recorded_week = run_.recorded_week();
  for (int i = 0; i < gov::street_lever_count; ++i) {
    const auto lever = static_cast<gov::StreetLever>(i);
    view.levers[static_cast<std::size_t>(i)] = gov::street_value(state.street_levers, street, state.params, lever);
    view.own[static_cast<std::size_t>(i)] = state.street_levers[street][lever].has_value();
  }
  view.budget_ceiling_per_community_yuan = budget_ceiling_per_community_yuan_;
  view.communities = state.layout.streets[street].communities.size();
  for (const auto& week : run_.outcomes()) {
    view.history.push_back(week[street]);
    view.district.push_back(week.back());
  }
  return view;
}

StreetView ClassroomSession::street_view(std::size_t street) const {
  std::lock_guard lock(mutex_);
  return street_view_locked(street);
}

TrainerView ClassroomSession::trainer_view() const {
  std::lock_guard lock(mutex_);
  TrainerView view;
  view.join_code = join_code_;
  view.recorded_week = run_.recorded_week();
  view.horizon_weeks = run_.model().horizon_weeks();
  view.seats = seats_;
  for (auto& seat : view.seats) seat.token.clear();  // the trainer's view never shows secrets
  for (std::size_t t = 0; t < seats_.size(); ++t) view.streets.push_back(street_view_locked(t));
  view.choices = choices_;
  return view;
}

ChoiceLog ClassroomSession::choices() const {
  std::lock_guard lock(mutex_);
  return choices_;
}

}  // namespace shanzhi::viz::classroom
