// Classroom mode end to end: a session on a three-street small district, served on loopback,
// three students who join and set their streets' levers through real HTTP clients, the trainer's
// view of them side by side, bad requests refused with clear errors, and a replay of the choice
// log that reproduces the class's run bit for bit.

#include "core/classroom/clock.hpp"
#include "core/classroom/server.hpp"
#include "core/classroom/session.hpp"
#include "models/governance/spec/validation.hpp"
#include "sim/parallel.hpp"
#include "viz_test_helpers.hpp"

#include <httplib.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <set>
#include <thread>

using namespace shanzhi;
using namespace shanzhi::viz::classroom;

namespace {

constexpr const char* join_code = "K7PQ3X";
constexpr int class_weeks = 52;

/// Small district with three streets (one per student), a half-year burn-in and one recorded
/// year: a fiscal year opens at recorded week 26, so budgets chosen at week 0 show in the year.
gov::GovernanceParameters three_street_district() {
  return gov::load_governance_scenario(viz::test::source_path("scenarios/small_district.toml"),
                                       {"district.streets=3", "run.burn_in_weeks=26", "run.weeks=52", "run.seed=7"})
      .parameters;
}

/// The number after the `nth` occurrence of "key": in a JSON text (the writer prints numbers in
/// shortest round-trip form, so this gives the exact double).
double json_number(const std::string& text, const std::string& key, int nth = 0) {
  std::size_t at = 0;
  for (int i = 0; i <= nth; ++i) {
    at = text.find("\"" + key + "\": ", i == 0 ? 0 : at + 1);
    if (at == std::string::npos) FAIL("no \"" << key << "\" in " << text);
  }
  const char* begin = text.data() + at + key.size() + 4;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc{}) FAIL("\"" << key << "\" is not a number in " << text);
  return value;
}

std::string json_text(const std::string& text, const std::string& key) {
  const auto at = text.find("\"" + key + "\": \"");
  if (at == std::string::npos) return "";
  const auto begin = at + key.size() + 5;
  return text.substr(begin, text.find('"', begin) - begin);
}

struct Student {
  std::string name;
  double budget_yuan = 0;
  double task_cut = 0;
  std::string token;
  std::size_t street = 0;
};

bool same_outcomes(const std::vector<gov::StreetWeekOutcome>& a, const std::vector<gov::StreetWeekOutcome>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(gov::StreetWeekOutcome)) == 0;
}

}  // namespace

TEST_CASE("Three students join a classroom over HTTP, hold their streets and the trainer replays the run",
          "[viz][classroom]") {
  const auto params = three_street_district();
  ClassroomSession session(params, join_code);
  ClassroomServer server(session);
  REQUIRE_FALSE(server.running());  // off until the trainer starts it
  std::string error;
  REQUIRE(server.start({"127.0.0.1", 0}, error));
  INFO(error);
  REQUIRE(server.port() > 0);

  httplib::Client trainer_side("127.0.0.1", server.port());
  {  // a wrong code is refused
    const auto refused = trainer_side.Post("/api/join", httplib::Params{{"code", "WRONG1"}, {"name", "Mallory"}});
    REQUIRE(refused);
    CHECK(refused->status == 403);
    CHECK(refused->body.find("wrong join code") != std::string::npos);
  }

  std::vector<Student> students = {{"李明", 100000, 0.1, "", 0}, {"Wang Fang", 250000, 0.5, "", 0}, {"Zhao Lei", 400000, 0.8, "", 0}};
  // The three join at the same time, each from its own client; each must get a street of its own.
  std::vector<std::thread> joining;
  std::vector<int> join_status(students.size(), 0);
  for (std::size_t i = 0; i < students.size(); ++i)
    joining.emplace_back([&, i] {
      httplib::Client client("127.0.0.1", server.port());
      const auto res = client.Post("/api/join", httplib::Params{{"code", join_code}, {"name", students[i].name}});
      if (!res) return;
      join_status[i] = res->status;
      students[i].token = json_text(res->body, "token");
      students[i].street = static_cast<std::size_t>(json_number(res->body, "street"));
    });
  for (auto& t : joining) t.join();
  std::set<std::size_t> streets;
  for (std::size_t i = 0; i < students.size(); ++i) {
    CHECK(join_status[i] == 200);
    CHECK(students[i].token.size() == 32);
    streets.insert(students[i].street);
  }
  REQUIRE(streets == std::set<std::size_t>{0, 1, 2});
  const auto full = trainer_side.Post("/api/join", httplib::Params{{"code", join_code}, {"name", "Late"}});
  REQUIRE(full);
  CHECK(full->status == 409);

  for (const auto& student : students) {
    httplib::Client client("127.0.0.1", server.port());
    for (auto [key, value] : {std::pair{"purchase.budget_per_community_yuan", student.budget_yuan},
                              std::pair{"admin.task_cut_share", student.task_cut}}) {
      const auto res = client.Post("/api/lever", httplib::Params{{"token", student.token}, {"key", key}, {"value", std::to_string(value)}});
      REQUIRE(res);
      INFO(res->body);
      CHECK(res->status == 200);
    }
  }
  session.advance(class_weeks);

  const auto trainer = session.trainer_view();
  REQUIRE(trainer.recorded_week == class_weeks);
  for (const auto& student : students) {
    httplib::Client client("127.0.0.1", server.port());
    const auto res = client.Get(("/api/state?token=" + student.token).c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto& street = trainer.streets[student.street];
    CHECK(json_number(res->body, "street") == static_cast<double>(student.street));
    CHECK(json_number(res->body, "week") == class_weeks);
    CHECK(json_text(res->body, "student") == student.name);
    // The page shows its own street's outcome of the last week, which is the trainer's figure.
    CHECK(json_number(res->body, "satisfaction_mean") == street.history.back().satisfaction_mean);
    CHECK(json_number(res->body, "purchased_hours") == street.history.back().purchased_hours);
    CHECK(json_number(res->body, "budget_per_community_yuan") == student.budget_yuan);
    // The trainer sees the student's name, both choices and the levers in force on its street.
    CHECK(trainer.seats[student.street].student == student.name);
    CHECK(trainer.seats[student.street].token.empty());
    CHECK(street.levers[0] == student.budget_yuan);
    CHECK(street.levers[1] == student.task_cut);
    CHECK(std::count_if(trainer.choices.begin(), trainer.choices.end(),
                        [&](const StreetChoice& c) { return c.street == student.street && c.student == student.name; }) == 2);
  }
  // Budgets took effect at the fiscal year: the streets buy in the order of their budgets.
  const auto hours = [&](const Student& s) { return trainer.streets[s.street].history.back().purchased_hours; };
  CHECK(hours(students[0]) < hours(students[1]));
  CHECK(hours(students[1]) < hours(students[2]));

  // The trainer's replay from the scenario and the choice log gives the same run, bit for bit.
  const ClassRun replayed = replay(params, trainer.choices, class_weeks);
  REQUIRE(replayed.outcomes().size() == class_weeks + 1u);
  for (std::size_t t = 0; t < trainer.streets.size(); ++t) {
    std::vector<gov::StreetWeekOutcome> street_replayed;
    for (const auto& week : replayed.outcomes()) street_replayed.push_back(week[t]);
    CHECK(same_outcomes(street_replayed, trainer.streets[t].history));
  }
  // ... and without the log it would not have: the choices are what made the difference.
  const ClassRun without_choices = replay(params, {}, class_weeks);
  std::vector<gov::StreetWeekOutcome> street_plain;
  for (const auto& week : without_choices.outcomes()) street_plain.push_back(week[students[2].street]);
  CHECK_FALSE(same_outcomes(street_plain, trainer.streets[students[2].street].history));
  server.stop();
  CHECK_FALSE(server.running());
}

TEST_CASE("The classroom server refuses bad requests with clear errors and keeps serving", "[viz][classroom]") {
  ClassroomSession session(three_street_district(), join_code);
  ClassroomServer server(session);
  std::string error;
  REQUIRE(server.start({"127.0.0.1", 0}, error));
  httplib::Client client("127.0.0.1", server.port());
  const auto joined = client.Post("/api/join", httplib::Params{{"code", join_code}, {"name", "Chen"}, {"street", "1"}});
  REQUIRE(joined);
  REQUIRE(joined->status == 200);
  const std::string token = json_text(joined->body, "token");
  const auto seats = client.Get("/api/streets");
  REQUIRE(seats);
  CHECK(seats->status == 200);
  CHECK(seats->body.find("\"taken\": true") != std::string::npos);   // street 1, Chen's
  CHECK(json_number(seats->body, "street", 2) == 2);                     // three seats listed

  struct Case {
    const char* what;
    httplib::Params params;
    int status;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"wrong token", {{"token", "0123"}, {"key", "admin.task_cut_share"}, {"value", "0.5"}}, 401, "unknown token"},
      {"no token", {{"key", "admin.task_cut_share"}, {"value", "0.5"}}, 401, "unknown token"},
      {"unknown key", {{"token", token}, {"key", "workers.pay_ratio"}, {"value", "1"}}, 400, "unknown lever"},
      {"not a number", {{"token", token}, {"key", "admin.task_cut_share"}, {"value", "half"}}, 400, "must be a number"},
      {"not finite", {{"token", token}, {"key", "admin.task_cut_share"}, {"value", "nan"}}, 400, "must be a number"},
      {"out of range", {{"token", token}, {"key", "admin.task_cut_share"}, {"value", "1.5"}}, 400, "admin.task_cut_share"},
      {"over budget", {{"token", token}, {"key", "purchase.budget_per_community_yuan"}, {"value", "900000"}}, 409, "budget"},
  };
  for (const auto& c : cases) {
    const auto res = client.Post("/api/lever", c.params);
    REQUIRE(res);
    INFO(c.what << ": " << res->body);
    CHECK(res->status == c.status);
    CHECK(res->body.find(c.says) != std::string::npos);
  }
  const auto taken = client.Post("/api/join", httplib::Params{{"code", join_code}, {"name", "Ma"}, {"street", "1"}});
  REQUIRE(taken);
  CHECK(taken->status == 409);
  const auto bad_street = client.Post("/api/join", httplib::Params{{"code", join_code}, {"name", "Ma"}, {"street", "x1"}});
  REQUIRE(bad_street);
  CHECK(bad_street->status == 400);
  const auto no_street = client.Post("/api/join", httplib::Params{{"code", join_code}, {"name", "Ma"}, {"street", "9"}});
  REQUIRE(no_street);
  CHECK(no_street->status == 400);
  const auto garbage = client.Post("/api/lever", "{not json", "application/json");
  REQUIRE(garbage);
  CHECK(garbage->status == 401);
  const auto huge = client.Post("/api/lever", std::string(100000, 'a'), "application/x-www-form-urlencoded");
  REQUIRE(huge);
  CHECK(huge->status == 413);
  const auto unknown = client.Get("/admin");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(unknown->body.find("no such page") != std::string::npos);
  // Nothing above changed the street, and the server still answers.
  CHECK(session.choices().empty());
  const auto state = client.Get(("/api/state?token=" + token).c_str());
  REQUIRE(state);
  CHECK(state->status == 200);
}

TEST_CASE("The student page is served in both languages and needs nothing from elsewhere", "[viz][classroom]") {
  ClassroomSession session(three_street_district(), join_code);
  ClassroomServer server(session);
  std::string error;
  REQUIRE(server.start({"127.0.0.1", 0}, error));
  httplib::Client client("127.0.0.1", server.port());
  for (const char* lang : {"en", "zh"}) {
    const auto page = client.Get((std::string("/?lang=") + lang).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find(std::string("<html lang=\"") + lang + "\">") != std::string::npos);
    CHECK(page->body.find("加入码") != std::string::npos);
    CHECK(page->body.find("http://") == std::string::npos);
    CHECK(page->body.find("https://") == std::string::npos);
  }
}

TEST_CASE("Listen addresses are HOST:PORT and a taken port is refused", "[viz][classroom]") {
  ListenAddress address;
  std::string error;
  CHECK(parse_listen_address("192.168.1.10:8080", address, error));
  CHECK(address.host == "192.168.1.10");
  CHECK(address.port == 8080);
  CHECK_FALSE(parse_listen_address("8080", address, error));
  CHECK_FALSE(parse_listen_address("127.0.0.1:", address, error));
  CHECK_FALSE(parse_listen_address("127.0.0.1:70000", address, error));
  CHECK(error.find("0 to 65535") != std::string::npos);

  ClassroomSession session(three_street_district(), join_code);
  ClassroomServer first(session), second(session);
  REQUIRE(first.start({"127.0.0.1", 0}, error));
  CHECK_FALSE(second.start({"127.0.0.1", first.port()}, error));
  CHECK(error.find("cannot listen") != std::string::npos);
}

TEST_CASE("The lever in force in a week is the last choice made before it", "[viz][classroom]") {
  using gov::StreetLever;
  const ChoiceLog log = {{30, 4, 1, StreetLever::task_cut_share, 0.6, "Chen"},
                         {40, 14, 1, StreetLever::task_cut_share, 0.2, "Chen"},
                         {40, 14, 0, StreetLever::task_cut_share, 0.9, "Li"}};
  CHECK(lever_in_week(log, 1, StreetLever::task_cut_share, 4, 0.3) == 0.3);   // chosen at week 4: acts from 5
  CHECK(lever_in_week(log, 1, StreetLever::task_cut_share, 5, 0.3) == 0.6);
  CHECK(lever_in_week(log, 1, StreetLever::task_cut_share, 15, 0.3) == 0.2);
  CHECK(lever_in_week(log, 2, StreetLever::task_cut_share, 15, 0.3) == 0.3);  // another street's choice
  CHECK(lever_in_week(log, 1, StreetLever::admission_strictness, 15, 0.5) == 0.5);
  CHECK(choice_log_csv(log).find("40,14,1,admin.task_cut_share,0.2,\"Chen\"") != std::string::npos);
}

TEST_CASE("The classroom clock plays the shared run at the trainer's pace and pauses", "[viz][classroom]") {
  ClassroomSession session(three_street_district(), join_code);
  ClassroomClock clock(session);
  CHECK_FALSE(clock.playing());
  clock.play(8);
  for (int waited_ms = 0; session.trainer_view().recorded_week < 2 && waited_ms < 10000; waited_ms += 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  clock.pause();
  const int paused_at = session.trainer_view().recorded_week;
  CHECK(paused_at >= 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  CHECK(session.trainer_view().recorded_week <= paused_at + 1);  // at most the week under way
}

TEST_CASE("A class replays bit-identically with 1 and 2 threads", "[viz][classroom]") {
  const auto params = three_street_district();
  const ChoiceLog log = {{26, 0, 0, gov::StreetLever::purchase_budget, 350000, "Li"},
                         {30, 4, 2, gov::StreetLever::task_cut_share, 0.7, "Wang"},
                         {40, 14, 1, gov::StreetLever::admission_strictness, 0.2, "Zhao"}};
  const int before = sim::thread_count();
  sim::set_thread_count(1);
  const ClassRun one = replay(params, log, 40);
  sim::set_thread_count(2);
  const ClassRun two = replay(params, log, 40);
  sim::set_thread_count(before);
  REQUIRE(one.outcomes().size() == 41);
  REQUIRE(two.outcomes().size() == 41);
  for (std::size_t w = 0; w < one.outcomes().size(); ++w) {
    INFO("recorded week " << w);
    CHECK(same_outcomes(one.outcomes()[w], two.outcomes()[w]));
  }
}
