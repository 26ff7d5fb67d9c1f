// The Classroom tab: the trainer starts a class on an address of the classroom network, reads
// out the join address and code, and sees every street's student, levers and outcomes side by
// side while the shared run plays; afterwards the run is replayed from the choice log, week by week.

#include "app/plot.hpp"
#include "app/ui_state.hpp"
#include "core/classroom/join_code.hpp"
#include "core/i18n.hpp"
#include "core/value_text.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace shanzhi::viz {
namespace {

using namespace classroom;

bool ready(const auto& future) {
  return future.valid() && future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

/// When the session's burn-in is done: serve it on the chosen address and start its clock.
void finish_preparation(ClassroomState& c) {
  if (!ready(c.preparing)) return;
  auto session = c.preparing.get();
  auto server = std::make_unique<ClassroomServer>(*session);
  std::string error;
  if (!server->start(c.pending_address, error)) {
    c.error = error;
    return;
  }
  c.session = std::move(session);
  c.server = std::move(server);
  c.clock = std::make_unique<ClassroomClock>(*c.session);
  if (c.play_when_ready > 0) {
    c.weeks_per_second = static_cast<float>(c.play_when_ready);
    c.clock->play(c.play_when_ready);
  }
  // Also on the terminal, for a trainer who started the class from the command line.
  std::cout << "classroom: students open " << c.server->join_url() << " and join with code " << c.session->join_code()
            << std::endl;
}

void finish_replay(ClassroomState& c) {
  if (!ready(c.replaying)) return;
  c.replay.emplace(c.replaying.get());
  const auto live = c.session->trainer_view();
  c.replay_identical = true;
  for (std::size_t t = 0; t < live.streets.size(); ++t)
    for (std::size_t w = 0; w < live.streets[t].history.size(); ++w) {
      // Bit for bit: the outcome is plain doubles, so their bytes are the comparison.
      const auto& a = live.streets[t].history[w];
      const auto& b = c.replay->outcomes().at(w)[t];
      if (std::memcmp(&a, &b, sizeof a) != 0) c.replay_identical = false;
    }
  c.replay_week = c.replay->recorded_week();
  c.show_replay = true;
}

void stop_classroom(ClassroomState& c) {
  if (c.replaying.valid()) c.replaying.wait();  // a replay under way belongs to this class
  c.replaying = {};
  c.clock.reset();
  c.server.reset();
  c.session.reset();
  c.replay.reset();
  c.replay_started = false;
}

void draw_start(UiState& ui) {
  auto& c = ui.classroom;
  ImGui::TextWrapped("%s", tr("class.intro"));
  ImGui::SetNextItemWidth(200);
  ImGui::InputText(tr("class.address"), c.address, sizeof c.address);
  ImGui::SameLine();
  help_marker(tr("class.address_help"));
  if (c.preparing.valid()) {
    ImGui::TextUnformatted(tr("class.preparing"));
  } else if (ImGui::Button(tr("class.start")) && ui.snapshot) {
    start_classroom(c, ui.snapshot->setup.parameters, c.address);
  }
  if (!c.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", c.error.c_str());
}

void draw_header(ClassroomState& c, const TrainerView& view) {
  ImGui::TextUnformatted(tr("class.join_at"));
  ImGui::SameLine();
  ImGui::TextColored(ImVec4(0.1f, 0.3f, 0.6f, 1), "%s", c.server->join_url().c_str());
  ImGui::SameLine();
  ImGui::TextUnformatted(tr("class.code"));
  ImGui::SameLine();
  ImGui::TextColored(ImVec4(0.7f, 0.2f, 0.1f, 1), "%s", view.join_code.c_str());
  ImGui::Text("%s %d / %d", tr("class.week"), view.recorded_week, view.horizon_weeks);
  ImGui::SameLine();
  if (c.clock->playing()) {
    if (ImGui::Button(tr("ctl.pause"))) c.clock->pause();
  } else if (ImGui::Button(tr("ctl.play"))) {
    c.clock->play(c.weeks_per_second);
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("ctl.step"))) c.session->advance(1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  if (ImGui::SliderFloat("##class_speed", &c.weeks_per_second, 0.25f, 8.0f, tr("class.speed_format")) && c.clock->playing())
    c.clock->play(c.weeks_per_second);
  ImGui::SameLine();
  if (ImGui::Button(tr("class.stop"))) stop_classroom(c);
}

struct OutcomeRow {
  const char* key;
  double gov::StreetWeekOutcome::*field;
  ValueKind kind;
};

constexpr OutcomeRow outcome_rows[] = {
    {"metric.satisfaction_mean", &gov::StreetWeekOutcome::satisfaction_mean, ValueKind::number},
    {"metric.unmet_need_share", &gov::StreetWeekOutcome::unmet_need_share, ValueKind::share},
    {"metric.wait_mean_weeks", &gov::StreetWeekOutcome::wait_mean_weeks, ValueKind::number},
    {"metric.trust_street_mean", &gov::StreetWeekOutcome::trust_street_mean, ValueKind::number},
    {"class.purchased_hours", &gov::StreetWeekOutcome::purchased_hours, ValueKind::number},
    {"class.budget_in_force", &gov::StreetWeekOutcome::budget_per_community_yuan, ValueKind::money},
};

std::string cell_text(double value, ValueKind kind) { return readout_text(value, kind, "%.2f", current_language()); }

/// Every street in a column, the district last: students, levers in force and the outcomes of
/// recorded week `week` from `outcomes` (the live run's or the replay's).
void draw_side_by_side(const TrainerView& view, const std::vector<WeekOutcomes>& outcomes, int week,
                       const gov::GovernanceParameters& scenario) {
  const int columns = static_cast<int>(view.streets.size()) + 2;
  const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("class_streets", columns, flags)) return;
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.2f);
  for (const auto& street : view.streets) ImGui::TableSetupColumn(street.street_name.c_str());
  ImGui::TableSetupColumn(tr("class.district"));
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(tr("class.student"));
  for (const auto& seat : view.seats) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(seat.student.empty() ? tr("class.free_seat") : seat.student.c_str());
  }
  for (int i = 0; i < gov::street_lever_count; ++i) {
    const auto lever = static_cast<gov::StreetLever>(i);
    const std::string key(gov::street_lever_key(lever));
    const ValueKind kind = lever == gov::StreetLever::purchase_budget ? ValueKind::money : ValueKind::share;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("lever." + key));
    const double district = gov::district_value(scenario, lever);
    for (std::size_t t = 0; t < view.streets.size(); ++t) {
      ImGui::TableNextColumn();
      const double value = lever_in_week(view.choices, t, lever, week + 1, district);
      ImGui::TextUnformatted(cell_text(value, kind).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(cell_text(district, kind).c_str());
  }
  for (const auto& row : outcome_rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(row.key));
    for (const auto& street_or_district : outcomes.at(static_cast<std::size_t>(week))) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(cell_text(street_or_district.*row.field, row.kind).c_str());
    }
  }
  ImGui::EndTable();
}

/// Satisfaction by week, one line per street and the district dashed.
void draw_satisfaction_plot(const TrainerView& view, const std::vector<WeekOutcomes>& outcomes, TimeWindow& window) {
  const std::size_t weeks = outcomes.size();
  std::vector<double> x(weeks);
  std::vector<std::vector<double>> y(view.streets.size() + 1, std::vector<double>(weeks));
  for (std::size_t w = 0; w < weeks; ++w) {
    x[w] = static_cast<double>(w);
    for (std::size_t t = 0; t < y.size(); ++t) y[t][w] = outcomes[w][t].satisfaction_mean;
  }
  std::vector<PlotSeries> series;
  for (std::size_t t = 0; t < y.size(); ++t) {
    const bool district = t == view.streets.size();
    series.push_back({district ? tr("class.district") : view.streets[t].street_name, x, y[t],
                      district ? IM_COL32(90, 90, 90, 255) : series_color(static_cast<int>(t)), 2.0f, district});
  }
  PlotOptions options;
  options.title = tr("class.plot_title");
  draw_time_plot("class_satisfaction", ImVec2(ImGui::GetContentRegionAvail().x, 190), options, series, {}, {}, window, 0, static_cast<double>(weeks - 1));
}

void draw_choice_log(const TrainerView& view) {
  if (view.choices.empty()) {
    ImGui::TextUnformatted(tr("class.no_choices"));
    return;
  }
  // The log with the scenario and seed is the whole class: the trainer can keep it.
  if (ImGui::Button(tr("class.copy_log"))) ImGui::SetClipboardText(choice_log_csv(view.choices).c_str());
  const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("class_choices", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  for (const char* key : {"class.week", "class.street", "class.student", "class.lever", "class.value"}) ImGui::TableSetupColumn(tr(key));
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (const auto& choice : view.choices) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d", choice.recorded_week);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(view.streets[choice.street].street_name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(choice.student.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr("lever." + std::string(gov::street_lever_key(choice.lever))));
    ImGui::TableNextColumn();
    ImGui::Text("%g", choice.value);
  }
  ImGui::EndTable();
}

/// Replays the class so far on a thread: the same scenario and seed, the log's choices.
void start_replay(ClassroomState& c, const TrainerView& view) {
  c.clock->pause();
  c.replay.reset();
  c.replay_started = true;
  c.replaying = std::async(std::launch::async, [scenario = c.session->scenario(), log = view.choices, weeks = view.recorded_week] {
    return replay(scenario, log, weeks);
  });
}

void draw_replay(ClassroomState& c, const TrainerView& view) {
  if (c.replaying.valid()) {
    ImGui::TextUnformatted(tr("class.replaying"));
    return;
  }
  if (ImGui::Button(tr("class.replay_start"))) start_replay(c, view);
  ImGui::SameLine();
  help_marker(tr("class.replay_help"));
  if (!c.replay) return;
  ImGui::TextColored(c.replay_identical ? ImVec4(0.1f, 0.5f, 0.1f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1), "%s",
                     tr(c.replay_identical ? "class.replay_same" : "class.replay_differs"));
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##replay_week", &c.replay_week, 0, c.replay->recorded_week(), tr("class.replay_week_format"));
  draw_side_by_side(view, c.replay->outcomes(), c.replay_week, c.session->scenario());
}

}  // namespace

void start_classroom(ClassroomState& c, const gov::GovernanceParameters& scenario, const std::string& address) {
  c.error.clear();
  if (!parse_listen_address(address, c.pending_address, c.error)) return;
  c.preparing = std::async(std::launch::async, [scenario, code = random_join_code()] {
    return std::make_unique<ClassroomSession>(scenario, code);
  });
}

void update_classroom(ClassroomState& classroom) {
  finish_preparation(classroom);
  if (classroom.session) finish_replay(classroom);
}

void draw_classroom_view(UiState& ui) {
  auto& c = ui.classroom;
  if (!c.session) {
    draw_start(ui);
    return;
  }
  const auto view = c.session->trainer_view();
  draw_header(c, view);
  if (!c.session) return;  // stopped by the header's button
  ImGui::Separator();
  const std::vector<WeekOutcomes> live = [&] {
    std::vector<WeekOutcomes> weeks(view.streets.front().history.size());
    for (std::size_t w = 0; w < weeks.size(); ++w) {
      for (const auto& street : view.streets) weeks[w].push_back(street.history[w]);
      weeks[w].push_back(view.streets.front().district[w]);
    }
    return weeks;
  }();
  // A finished class is replayed at once, so the trainer can go through it week by week.
  if (c.session->finished() && !c.replay_started) start_replay(c, view);
  if (!ImGui::BeginTabBar("class_tabs")) return;
  if (ImGui::BeginTabItem(tr("class.streets"))) {
    draw_side_by_side(view, live, view.recorded_week, c.session->scenario());
    draw_satisfaction_plot(view, live, c.window);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(tr("class.choices"))) {
    draw_choice_log(view);
    ImGui::EndTabItem();
  }
  const auto select_replay = c.show_replay ? ImGuiTabItemFlags_SetSelected : 0;
  c.show_replay = false;
  if (ImGui::BeginTabItem(tr("class.replay"), nullptr, select_replay)) {
    draw_replay(c, view);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace shanzhi::viz
