#pragma once
// The UI's own state between frames (what is selected, typed, zoomed), kept apart from the
// simulation's state, which the UI only reads from snapshots.

#include "app/classroom_state.hpp"
#include "core/effect_uncertainty.hpp"
#include "core/lessons.hpp"
#include "core/planning.hpp"
#include "core/plot_ticks.hpp"
#include "core/run_setup.hpp"
#include "core/sim_thread.hpp"
#include "core/snapshot.hpp"

#include <imgui.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shanzhi::viz {

/// What the map's click selected, for the inspector.
struct Selection {
  enum class Kind { none, cell, community, organization, unit, property } kind = Kind::none;
  std::uint32_t index = 0;       ///< cell, community, unit or property company index
  std::uint32_t generation = 0;  ///< organisations: slot + generation identify one organisation
};

struct LessonState {
  std::vector<std::string> files;
  std::vector<std::string> load_errors;
  std::optional<LessonPlayer> player;
  int selected = -1;
  std::uint64_t run_id = 0;   ///< run id the lesson's run got (0 = not started)
  std::size_t changes_expected = 0;
};

/// The Planning tab: an optimization's results and what is chosen on its plot.
struct PlanningState {
  std::optional<PlanningSession> session;
  int x_axis = 0;  ///< index into planning_axes(results)
  int y_axis = 1;
  int selected = -1;  ///< policy index, or −1
};

/// The Compare tab's effects with assumption uncertainty (results of `compare --assumptions`).
struct UncertaintyState {
  std::optional<EffectUncertainty> results;
  std::size_t policy = 0;                     ///< index into results->policies
  std::string metric = "satisfaction_mean";   ///< the metric plotted over time
  bool all_metrics = false;                   ///< every metric in the file, not only the dashboards'
  EffectOverTime over_time;                   ///< the plotted metric, read once per choice
  std::string over_time_key;                  ///< "policy/metric" of over_time
  TimeWindow window;
};

struct UiState {
  std::unique_ptr<SimulationController> controller;
  std::shared_ptr<const Snapshot> snapshot;
  std::string source_dir;          ///< repository root (scenarios/, lessons)

  // Controls.
  float speed = 8;
  bool max_speed = true;
  int run_to_week = 52;
  std::uint64_t next_seed = 2;

  // Panels.
  MapMetric map_metric = MapMetric::satisfaction;
  Selection hovered;
  Selection selected;
  TimeWindow time_window;          ///< shared by the dashboards so they zoom together
  TimeWindow inspector_window;
  TimeWindow compare_window;
  std::map<std::string, sim::ParamValue> pending_levers;  ///< edits not applied yet
  std::vector<std::string> picked_metrics;  ///< metrics plotted above the dashboards, as picked
  char metric_filter[64] = {};              ///< the metric picker's search text
  int right_tab = -1;  ///< tab to bring to front on the next frame (0 dashboards, 1 compare, 2 planning, 3 classroom), or −1
  int left_tab = -1;   ///< 0 levers, 1 lessons, or −1

  LessonState lessons;
  PlanningState planning;
  UncertaintyState uncertainty;
  ClassroomState classroom;

  // Files and messages.
  std::string error_text;
  std::uint64_t error_seen = 0;
  std::string notice_text;
  bool screenshot_requested = false;
  std::string screenshot_path;
  char path_buffer[512] = {};
  enum class Dialog { none, open, save, export_csv, export_png, open_planning, open_uncertainty } dialog = Dialog::none;
};

// Panels, one file each. Each draws one window of the fixed layout.
void draw_menu_bar(UiState& ui);
void draw_controls(UiState& ui, ImVec2 pos, ImVec2 size);
void draw_lever_panel(UiState& ui);
void draw_lesson_panel(UiState& ui);
/// Selects lesson `index` and starts its first step (the Start button).
void start_lesson(UiState& ui, int index);
void draw_map_view(UiState& ui, ImVec2 pos, ImVec2 size);
void draw_inspector(UiState& ui, ImVec2 pos, ImVec2 size);
void draw_dashboards(UiState& ui);
void draw_compare_view(UiState& ui);
void draw_planning_view(UiState& ui);
/// The Classroom tab: start a class, its join address and code, every street side by side,
/// the choice log and the replay (classroom_view.cpp).
void draw_classroom_view(UiState& ui);
/// The Compare tab's section on effects with their assumption uncertainty (uncertainty_view.cpp).
void draw_uncertainty_section(UiState& ui);
void draw_file_dialogs(UiState& ui);
void draw_messages(UiState& ui);

/// Opens a scenario file: on success the run is replaced, else the error shows in the window.
void open_scenario(UiState& ui, const std::string& path);
void show_error(UiState& ui, std::string text);
/// Opens a path prompt for `dialog`, pre-filled with `default_path`.
void open_dialog(UiState& ui, UiState::Dialog dialog, const std::string& default_path);
/// Opens the output folder of `shanzhi compare --assumptions` into the Compare tab; a bad one
/// shows its error and what was open stays.
void open_uncertainty_results(UiState& ui, const std::string& path);
/// Opens an optimization database into the Planning tab; a bad one shows its error and the
/// current run (and any results already open) stay.
void open_planning_results(UiState& ui, const std::string& path);
/// Starts a run of policy `policy` of the open results (see core/planning.hpp for what it is).
void load_planning_policy(UiState& ui, std::size_t policy);

/// What the run is doing, with the settling progress as a bar while the district settles
/// (panels that have nothing to show yet draw it).
void draw_run_status(const Snapshot& s);

/// Event markers of the snapshot for plots.
std::vector<struct PlotMarker> event_markers(const Snapshot& s);

}  // namespace shanzhi::viz
