// The Planning tab: an optimization's evaluated policies on two chosen axes with the Pareto front
// and the report's 95% intervals; hover a point for its levers and values, click to select it,
// and load the selected policy as a run against its base scenario (core/planning.hpp).

#include "app/plot.hpp"
#include "app/scatter_plot.hpp"
#include "app/ui_state.hpp"
#include "core/i18n.hpp"
#include "core/lever_groups.hpp"
#include "core/value_text.hpp"
#include "models/governance/experiments/comparison.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "sim/scenario/diagnostics.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace shanzhi::viz {
namespace {

constexpr ImU32 evaluated_color = IM_COL32(140, 140, 150, 255);
constexpr ImU32 over_budget_color = IM_COL32(190, 190, 198, 255);
constexpr ImU32 front_color = IM_COL32(214, 39, 40, 255);
constexpr ImU32 fresh_color = IM_COL32(120, 20, 20, 255);

std::string number(double v) {
  char buffer[64];
  if (!std::isfinite(v)) return "-";
  if (std::abs(v) >= 1e4) std::snprintf(buffer, sizeof buffer, "%.0f", v);
  else std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

/// The unit of a model metric ("" when the model has no such metric).
const std::string& metric_unit(const std::string& metric) {
  static const auto units = [] {
    std::map<std::string, std::string> out;
    for (const auto& m : gov::compared_metrics()) out.emplace(m.name, m.unit);
    return out;
  }();
  static const std::string none;
  const auto at = units.find(metric);
  return at == units.end() ? none : at->second;
}

/// `v` as people read a value of `unit`: shares as %, money with ¥ (k/m, 万/亿), else `number`.
std::string value_in(double v, const std::string& unit) {
  if (!std::isfinite(v)) return "-";
  const auto kind = kind_of_unit(unit);
  return kind == ValueKind::number ? number(v) : readout_text(v, kind, "%.4g", current_language());
}

/// A target's value in its metric's unit.
std::string target_value(const opt::Target& t, double v) { return value_in(v, metric_unit(t.metric)); }

std::string lever_value(const std::string& key, const sim::ParamValue& v) {
  if (const auto* d = std::get_if<double>(&v)) {
    const auto* entry = gov::governance_schema().find(key);
    return value_in(*d, entry ? entry->info.unit : "");
  }
  return sim::format_value(v);
}

std::string target_name(const opt::Target& t) {
  std::string name = tr("metric." + t.metric);
  if (!t.breakdown.empty()) name += " [" + t.breakdown + " " + t.key + "]";
  return name;
}

/// An axis' name; `direction` adds "(higher is better)" or "(lower is better)" to objectives.
std::string axis_name(const opt::PlanningResults& r, const PlanningAxis& axis, bool direction = true) {
  switch (axis.kind) {
    case PlanningAxis::Kind::objective: {
      const auto& o = r.objectives[axis.objective];
      if (!direction) return target_name(o.target);
      return target_name(o.target) + " " + tr(o.maximize ? "plan.higher_better" : "plan.lower_better");
    }
    case PlanningAxis::Kind::cost: return target_name(r.budget.cost) + " (" + tr("plan.cost") + ")";
    case PlanningAxis::Kind::evaluation: return tr("plan.axis_evaluation");
  }
  return "";
}

/// The kind of the values on `axis` (shares, money, numbers), from its metric's unit.
ValueKind axis_kind(const opt::PlanningResults& r, const PlanningAxis& axis) {
  switch (axis.kind) {
    case PlanningAxis::Kind::objective: return kind_of_unit(metric_unit(r.objectives[axis.objective].target.metric));
    case PlanningAxis::Kind::cost: return kind_of_unit(metric_unit(r.budget.cost.metric));
    case PlanningAxis::Kind::evaluation: break;
  }
  return ValueKind::number;
}

/// A value on `axis` in its metric's unit (evaluation numbers as they are).
std::string axis_value(const opt::PlanningResults& r, const PlanningAxis& axis, double v) {
  switch (axis.kind) {
    case PlanningAxis::Kind::objective: return target_value(r.objectives[axis.objective].target, v);
    case PlanningAxis::Kind::cost: return target_value(r.budget.cost, v);
    case PlanningAxis::Kind::evaluation: break;
  }
  return number(v);
}

std::string policy_title(const opt::PlanningResults& r, std::size_t p) {
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, tr("plan.policy_format"), static_cast<int>(evaluation_id(p)));
  std::string title = buffer;
  if (r.policies[p].on_front) title += "  · " + std::string(tr(r.objectives.size() > 1 ? "plan.front" : "plan.best"));
  if (!r.policies[p].within_budget) title += "  · " + std::string(tr("plan.over_budget"));
  return title;
}

/// Levers, objectives (search estimate and re-evaluation) and cost of a policy, one per line.
std::string policy_text(const opt::PlanningResults& r, std::size_t p) {
  const auto& policy = r.policies[p];
  std::string text = std::string(tr("plan.levers")) + ":\n";
  for (const auto& [key, value] : policy.levers)
    text += "  " + std::string(tr(lever_text_keys(key).label)) + " = " + lever_value(key, value) + "\n";
  text += std::string(tr("plan.objectives")) + ":\n";
  for (std::size_t o = 0; o < r.objectives.size(); ++o) {
    const auto& target = r.objectives[o].target;
    const auto shown = [&](double v) { return target_value(target, v); };
    text += "  " + target_name(target) + ": " + shown(policy.values[o]) + " (" + tr("plan.search_value") + ")";
    if (o < policy.reevaluated.size()) {
      const auto& i = policy.reevaluated[o];
      text += "; " + shown(i.value) + " [" + shown(i.low) + ", " + shown(i.high) + "] (" + tr("plan.reevaluated") + ")";
    }
    text += "\n";
  }
  if (r.budget.active)
    text += std::string(tr("plan.cost_title")) + ": " + target_value(r.budget.cost, policy.cost) + " / " +
            target_value(r.budget.cost, r.budget.limit) + " (" +
            tr(policy.within_budget ? "plan.within_budget" : "plan.over_budget") + ")\n";
  return text;
}

void axis_combo(const char* label, const char* id, const opt::PlanningResults& r, const std::vector<PlanningAxis>& axes,
                int& chosen, float width) {
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  const auto preview = axis_name(r, axes[static_cast<std::size_t>(chosen)], false);
  if (ImGui::BeginCombo(id, preview.c_str())) {
    for (std::size_t a = 0; a < axes.size(); ++a)
      if (ImGui::Selectable(axis_name(r, axes[a]).c_str(), static_cast<int>(a) == chosen)) chosen = static_cast<int>(a);
    ImGui::EndCombo();
  }
}

void draw_front_plot(UiState& ui, const opt::PlanningResults& r, const std::vector<PlanningAxis>& axes, float height) {
  auto& plan = ui.planning;
  const auto& x_axis = axes[static_cast<std::size_t>(plan.x_axis)];
  const auto& y_axis = axes[static_cast<std::size_t>(plan.y_axis)];
  const auto points = planning_points(r, x_axis, y_axis);
  if (points.empty()) {
    ImGui::TextWrapped("%s", tr("plan.no_points"));
    return;
  }
  // Each policy at its search estimate; a reported one also at its re-evaluation, with its
  // intervals, joined to the estimate by a dashed link (how far the search was optimistic).
  std::vector<ScatterPoint> drawn;
  std::vector<std::size_t> policy_of;  // drawn point → policy
  std::vector<std::pair<std::size_t, std::size_t>> links;
  int highlighted = -1;
  for (const auto& p : points) {
    ScatterPoint d;
    d.x = p.x;
    d.y = p.y;
    d.color = p.on_front ? front_color : p.within_budget ? evaluated_color : over_budget_color;
    d.filled = p.on_front || p.within_budget;
    d.radius = p.on_front ? 4.5f : 3.0f;
    if (static_cast<int>(p.policy) == plan.selected) highlighted = static_cast<int>(drawn.size());
    drawn.push_back(d);
    policy_of.push_back(p.policy);
  }
  for (const auto& p : points) {
    if (!p.reevaluated) continue;
    ScatterPoint f;
    f.x = p.fresh_x;
    f.y = p.fresh_y;
    f.color = fresh_color;
    f.filled = false;
    f.square = true;
    f.radius = 3.5f;
    f.x_bar = p.has_x_interval;
    f.y_bar = p.has_y_interval;
    f.x_low = p.x_low;
    f.x_high = p.x_high;
    f.y_low = p.y_low;
    f.y_high = p.y_high;
    const auto search = static_cast<std::size_t>(&p - points.data());
    links.emplace_back(search, drawn.size());
    drawn.push_back(f);
    policy_of.push_back(p.policy);
  }
  const auto line = front_line(points);
  std::vector<ScatterLegend> legend = {{tr("plan.evaluated"), evaluated_color, true, false, false}};
  if (r.budget.active) legend.push_back({tr("plan.over_budget"), over_budget_color, false, false, false});
  legend.push_back({tr(r.objectives.size() > 1 ? "plan.front" : "plan.best"), front_color, true, false, false});
  legend.push_back({tr("plan.interval"), fresh_color, false, false, true});
  const auto x_name = axis_name(r, x_axis);
  const auto y_name = axis_name(r, y_axis);
  ScatterOptions o;
  o.title = tr(r.objectives.size() > 1 ? "plan.front_title" : "plan.search_title");
  o.help = tr("help.planning");
  o.x_label = x_name.c_str();
  o.y_label = y_name.c_str();
  o.x_kind = axis_kind(r, x_axis);
  o.y_kind = axis_kind(r, y_axis);
  o.line = line;
  o.links = links;
  o.highlighted = highlighted;
  o.legend = legend;
  const auto hit = draw_scatter_plot("front", ImVec2(ImGui::GetContentRegionAvail().x, height), o, drawn);
  if (hit.hovered >= 0) {
    const auto p = policy_of[static_cast<std::size_t>(hit.hovered)];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(policy_title(r, p).c_str());
    ImGui::TextUnformatted(policy_text(r, p).c_str());
    ImGui::TextDisabled("%s", tr("plan.click_hint"));
    ImGui::EndTooltip();
  }
  if (hit.clicked >= 0) plan.selected = static_cast<int>(policy_of[static_cast<std::size_t>(hit.clicked)]);
}

/// The front's policies as a list to pick from (by the first objective, as the plot's line).
void draw_front_list(UiState& ui, const opt::PlanningResults& r) {
  ImGui::TextDisabled("%s", tr(r.objectives.size() > 1 ? "plan.front_list" : "plan.best_list"));
  const auto axes = planning_axes(r);
  const auto points = planning_points(r, axes[0], axes[r.objectives.size() > 1 ? 1 : 0]);
  for (const auto i : front_line(points)) {
    const auto p = points[i].policy;
    const auto& y_axis = axes[r.objectives.size() > 1 ? 1 : 0];
    std::string row = "#" + std::to_string(evaluation_id(p)) + "  " + axis_value(r, axes[0], points[i].x);
    if (r.objectives.size() > 1) row += " / " + axis_value(r, y_axis, points[i].y);
    if (ImGui::Selectable((row + "##front" + std::to_string(p)).c_str(), ui.planning.selected == static_cast<int>(p)))
      ui.planning.selected = static_cast<int>(p);
  }
}

void draw_selected_policy(UiState& ui, const opt::PlanningResults& r) {
  const int selected = ui.planning.selected;
  if (selected < 0 || static_cast<std::size_t>(selected) >= r.policies.size()) {
    ImGui::TextWrapped("%s", tr("plan.select_hint"));
    return;
  }
  const auto p = static_cast<std::size_t>(selected);
  ImGui::TextUnformatted(policy_title(r, p).c_str());
  ImGui::TextWrapped("%s", policy_text(r, p).c_str());
  if (ImGui::Button((std::string(tr("plan.load")) + "###planload").c_str())) load_planning_policy(ui, p);
  help_marker(tr("plan.load_help"));
}

}  // namespace

void open_planning_results(UiState& ui, const std::string& path) {
  auto opened = open_planning(path, ui.source_dir);
  if (!opened.session) {
    show_error(ui, opened.error);
    return;
  }
  ui.planning.session = std::move(opened.session);
  const auto [x, y] = default_axes(ui.planning.session->results);
  ui.planning.x_axis = static_cast<int>(x);
  ui.planning.y_axis = static_cast<int>(y);
  ui.planning.selected = -1;
  ui.right_tab = 2;
  ui.notice_text = std::string(tr("msg.opened")) + " " + path;
}

void load_planning_policy(UiState& ui, std::size_t policy) {
  if (!ui.planning.session) return;
  try {
    auto setup = policy_run_setup(ui.planning.session->results, policy);
    ui.next_seed = static_cast<std::uint64_t>(setup.parameters.run.seed) + 1;
    ui.controller->load(std::move(setup), -1, true);
    ui.controller->set_compare(true);
    ui.selected = {};
    ui.pending_levers.clear();
    ui.lessons.run_id = 0;
    ui.planning.selected = static_cast<int>(policy);
    ui.notice_text = std::string(tr("plan.loaded")) + " #" + std::to_string(evaluation_id(policy));
  } catch (const sim::ScenarioError& e) {
    std::string text;
    for (const auto& d : e.diagnostics()) text += d.format() + "\n";
    show_error(ui, text.empty() ? std::string(e.what()) : text);
  }
}

void draw_planning_view(UiState& ui) {
  if (!ui.planning.session) {
    ImGui::TextWrapped("%s", tr("plan.none"));
    if (ImGui::Button((std::string(tr("menu.open_planning")) + "###planopen").c_str())) {
      ui.dialog = UiState::Dialog::open_planning;
      std::snprintf(ui.path_buffer, sizeof ui.path_buffer, "%s", (ui.source_dir + "/results/optimize/").c_str());
    }
    return;
  }
  const auto& session = *ui.planning.session;
  const auto& r = session.results;
  const auto on_front = front_size(r);
  char summary[256];
  std::snprintf(summary, sizeof summary, tr("plan.summary_format"), r.name.c_str(), static_cast<int>(r.policies.size()),
                static_cast<int>(on_front), static_cast<int>(r.search_replicates));
  ImGui::TextWrapped("%s", summary);
  ImGui::TextDisabled("%s %s", tr("plan.base"), r.base_path.c_str());
  const auto axes = planning_axes(r);
  const auto& style = ImGui::GetStyle();
  const float labels = ImGui::CalcTextSize(tr("plan.x_axis")).x + ImGui::CalcTextSize(tr("plan.y_axis")).x;
  const float combo_w = (ImGui::GetContentRegionAvail().x - labels - 3 * style.ItemSpacing.x) * 0.5f;
  axis_combo(tr("plan.x_axis"), "##planx", r, axes, ui.planning.x_axis, combo_w);
  ImGui::SameLine();
  axis_combo(tr("plan.y_axis"), "##plany", r, axes, ui.planning.y_axis, combo_w);
  const float avail = ImGui::GetContentRegionAvail().y;
  draw_front_plot(ui, r, axes, std::max(220.0f, avail * 0.55f));
  ImGui::Separator();
  const float list_w = std::max(150.0f, ImGui::GetContentRegionAvail().x * 0.30f);
  ImGui::BeginChild("front_list", ImVec2(list_w, 0), false);
  draw_front_list(ui, r);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("policy_details", ImVec2(0, 0), false);
  draw_selected_policy(ui, r);
  ImGui::EndChild();
}

}  // namespace shanzhi::viz
