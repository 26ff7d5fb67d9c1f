#pragma once
// A classroom session: the trainer's shared simulation, a join code, one seat per street, and
// what students may ask of it (join, read their street, set its levers). Every call is
// thread-safe (the HTTP server calls from its worker threads, the window from its own) and every
// refusal is a value with an HTTP status and a sentence, never an exception across the API.

#include "core/classroom/class_run.hpp"

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace shanzhi::viz::classroom {

struct SessionOptions {
  /// Most a street may spend on purchased services per community and year (CNY/year): the
  /// street's budget envelope. ≤ 0: twice the district's scenario budget per community.
  double budget_ceiling_per_community_yuan = 0;
};

/// The answer to a student's request: HTTP status (200 = done) and, when refused, why.
struct Reply {
  int status = 200;
  std::string error;
  bool ok() const { return status == 200; }
};

struct JoinReply : Reply {
  std::string token;
  std::size_t street = 0;
};

struct Seat {
  std::string street_name;
  std::string student;  ///< empty while the seat is free
  std::string token;
};

/// What one street looks like now: its levers in force, its envelope and its weekly outcomes.
struct StreetView {
  std::size_t street = 0;
  std::string street_name;
  std::string student;
  int recorded_week = 0;
  std::array<double, gov::street_lever_count> levers{};       ///< in force (own or district)
  std::array<bool, gov::street_lever_count> own{};            ///< set by the street itself
  double budget_ceiling_per_community_yuan = 0;
  std::size_t communities = 0;
  std::vector<gov::StreetWeekOutcome> history;   ///< this street's outcome per recorded week
  std::vector<gov::StreetWeekOutcome> district;  ///< the district's, per recorded week
};

/// Everything the trainer's tab shows, copied out under the session's lock.
struct TrainerView {
  std::string join_code;
  int recorded_week = 0;
  int horizon_weeks = 0;
  std::vector<Seat> seats;
  std::vector<StreetView> streets;
  ChoiceLog choices;
};

class ClassroomSession {
 public:
  /// Builds the shared run (burn-in included, so this takes as long as the scenario's burn-in).
  ClassroomSession(const gov::GovernanceParameters& scenario, std::string join_code, SessionOptions options = {});

  const std::string& join_code() const { return join_code_; }
  const gov::GovernanceParameters& scenario() const { return scenario_; }
  std::size_t street_count() const { return seats_.size(); }

  /// A student joins with the class's code and a name, taking street `street` if given (and
  /// free), else the first free one. 403 for a wrong code, 400 for an empty name or a street
  /// that does not exist, 409 when the street is taken or every seat is.
  JoinReply join(std::string_view code, std::string_view student, std::optional<std::size_t> street);
  /// The street a token holds; nullopt for an unknown token.
  std::optional<std::size_t> street_of(std::string_view token) const;
  /// Sets the token's street's lever `key` (a district key, state/street_levers.hpp) to the
  /// number in `value_text`, from the next week on. 401 unknown token, 400 unknown key, a value
  /// that is not a number or out of the key's range, 409 a budget over the street's envelope.
  Reply set_lever(std::string_view token, std::string_view key, std::string_view value_text);
  /// Simulates up to `weeks` weeks (fewer at the horizon).
  void advance(int weeks);
  /// The shared run has reached its horizon.
  bool finished() const;

  StreetView street_view(std::size_t street) const;
  TrainerView trainer_view() const;
  ChoiceLog choices() const;

 private:
  StreetView street_view_locked(std::size_t street) const;
  Reply check_value(gov::StreetLever lever, double value) const;

  gov::GovernanceParameters scenario_;
  std::string join_code_;
  double budget_ceiling_per_community_yuan_ = 0;
  mutable std::mutex mutex_;
  ClassRun run_;
  std::vector<Seat> seats_;
  ChoiceLog choices_;
};

}  // namespace shanzhi::viz::classroom
