#include "cli/brief/brief_html.hpp"

#include "cli/brief/brief_parts.hpp"
#include "cli/brief/brief_words.hpp"
#include "cli/brief/svg_chart.hpp"
#include "sim/build_info.hpp"
#include "sim/experiments/cost_effectiveness.hpp"
#include "sim/experiments/reported_precision.hpp"
#include "sim/output/value_text.hpp"

#include <algorithm>
#include <cstdio>

namespace shanzhi::cli::brief {
namespace {

namespace ex = sim::experiments;
using sim::Language;

// One language shows at a time: two radio buttons before the articles switch them with CSS
// alone, so the page needs no script, and printing prints the language shown.
constexpr const char* style = R"(
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0 auto;
       max-width: 780px; padding: 16px 24px; color: #1a1a1a; line-height: 1.5; }
.switch { position: absolute; left: -9999px; }
.languages { text-align: right; font-size: 14px; }
.languages label { border: 1px solid #1f5fa8; padding: 2px 10px; cursor: pointer; border-radius: 3px; margin-left: 4px; }
#show-zh:checked ~ .languages label[for=show-zh], #show-en:checked ~ .languages label[for=show-en] {
  background: #1f5fa8; color: white; }
#show-zh:checked ~ article[lang=en], #show-en:checked ~ article[lang=zh] { display: none; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 20px; border-bottom: 2px solid #1f5fa8; margin-top: 32px; }
h3 { font-size: 16px; margin-top: 22px; }
.meta, .note { color: #555; font-size: 13px; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
table.numbers td:not(:first-child) { text-align: right; white-space: nowrap; }
ul.summary li { margin: 4px 0; }
figure { margin: 10px 0; }
svg.chart { font-size: 11px; max-width: 100%; height: auto; }
svg .chart-title { font-size: 13px; font-weight: bold; }
svg .grid { stroke: #e3e3e3; } svg .zero { stroke: #333; stroke-width: 1; }
svg .whisker { stroke: #1f5fa8; stroke-width: 2; } svg .dot { fill: #1f5fa8; stroke: #1f5fa8; }
svg .dot.unsettled { fill: white; stroke-width: 2; }
svg .axis-label { font-size: 12px; fill: #333; }
pre { background: #f4f4f4; padding: 8px; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
@media print { .languages { display: none; } details { display: block; } }
)";

std::string policy_names(const BriefInput& in) {
  std::string names;
  for (const auto& p : in.loaded.policies) names += (names.empty() ? "" : ", ") + p.document.name;
  return names;
}

std::string header(const BriefInput& in, Language language) {
  const auto& d = in.loaded.base.parameters.district;
  const auto& run = in.loaded.base.parameters.run;
  const std::string title = filled(word("title", language), {policy_names(in), in.loaded.base.document.name});
  const std::string meta = filled(
      word("meta", language),
      {std::to_string(d.streets), std::to_string(d.streets * d.communities_per_street),
       sim::grouped_digits(d.streets * d.communities_per_street * d.residents_per_community), std::to_string(run.weeks),
       std::to_string(in.request.replicates), in.made_on, std::string(sim::shanzhi_version())});
  return element("h1", title) + "<p class=\"meta\">" + escaped(meta) + "</p>" +
         "<p class=\"note\">" + escaped(word("how_to_read", language)) + "</p>";
}

/// With several policies: their satisfaction effect and cost side by side, in the order a
/// planner would buy them (sim::experiments::ranks_before).
std::string ranking(const BriefInput& in, Language language) {
  const auto& ce = in.results.cost_effectiveness;
  if (ce.size() < 2) return "";
  std::vector<std::size_t> order(ce.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return ex::ranks_before(ce[a], ce[b]); });
  std::vector<std::vector<std::string>> rows;
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const auto i = order[rank];
    const auto& s = ce[i].outcome_difference;
    const auto& c = ce[i].spending_difference;
    rows.push_back({std::to_string(rank + 1), escaped(in.loaded.policies[i].document.name),
                    escaped(ex::shown_value(s.mean, "points", s.half_width, true, language)),
                    escaped(ex::shown_value(c.mean * 1e6, "CNY", c.half_width * 1e6, true, language)),
                    escaped(to_string(ce[i].quadrant))});
  }
  return element("h2", word("h.ranking", language)) +
         html_table({word("t.rank", language), word("t.policy", language), metric_name("satisfaction_mean", language),
                     word("t.total_year", language), word("t.ce", language)},
                    rows, "numbers");
}

std::string limits(Language language) {
  std::string items;
  for (const auto& item : model_limits(language)) items += element("li", item);
  return element("h2", word("h.leaves_out", language)) + "<ul>" + items + "</ul>";
}

std::string seeds_text(const BriefInput& in) {
  std::string seeds;
  const auto& list = in.results.comparisons.front().seeds;
  for (std::size_t i = 0; i < list.size() && i < 5; ++i) seeds += (i ? ", " : "") + std::to_string(list[i]);
  if (list.size() > 5) seeds += ", …";
  return seeds;
}

/// The compare command that writes every number of the brief to CSV files.
std::string compare_command(const std::string& brief_command) {
  std::string command = brief_command;
  if (const auto at = command.find(" brief "); at != std::string::npos) command.replace(at, 7, " compare ");
  if (const auto out = command.find(" --out "); out != std::string::npos) {
    const auto end = command.find(' ', out + 7);
    command.erase(out, end == std::string::npos ? std::string::npos : end - out);
  }
  return command;
}

std::string reproduce(const BriefInput& in, Language language) {
  std::string files;
  std::vector<std::string> paths;
  const auto add_sources = [&](const gov::LoadedScenario& s) {
    for (const auto& [path, text] : s.document.sources)
      if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
  };
  add_sources(in.loaded.base);
  for (const auto& p : in.loaded.policies) add_sources(p);
  for (const auto& path : paths) files += element("li", path);
  return element("h2", word("h.reproduce", language)) + element("p", word("r.command", language)) +
         element("pre", in.command_line) + element("p", word("r.compare", language)) +
         element("pre", compare_command(in.command_line)) +
         element("p", filled(word("r.version", language),
                             {std::string(sim::shanzhi_version()), std::string(sim::shanzhi_git_commit()),
                              std::to_string(in.request.seed), seeds_text(in)})) +
         element("p", word("r.files", language)) + "<ul>" + files + "</ul>" + element("p", word("r.same", language));
}

std::string article(const BriefInput& in, Language language) {
  std::string body = header(in, language) + ranking(in, language);
  for (std::size_t p = 0; p < in.loaded.policies.size(); ++p) body += policy_sections(in, p, language);
  body += limits(language) + reproduce(in, language);
  return std::string("<article lang=\"") + (language == Language::zh ? "zh" : "en") + "\">" + body + "</article>\n";
}

}  // namespace

std::string element(const std::string& tag, const std::string& text) {
  return "<" + tag + ">" + escaped(text) + "</" + tag + ">";
}

std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::string& css_class) {
  std::string html = css_class.empty() ? "<table><thead><tr>" : "<table class=\"" + css_class + "\"><thead><tr>";
  for (const auto& h : header) html += element("th", h);
  html += "</tr></thead><tbody>";
  for (const auto& row : rows) {
    html += "<tr>";
    for (const auto& cell : row) html += "<td>" + cell + "</td>";
    html += "</tr>";
  }
  return html + "</tbody></table>";
}

std::string brief_html(const BriefInput& in, Language shown) {
  const bool zh = shown == Language::zh;
  const std::string title = filled(word("title", Language::zh), {policy_names(in), in.loaded.base.document.name}) +
                            " / " + filled(word("title", Language::en), {policy_names(in), in.loaded.base.document.name});
  return "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n<title>" + escaped(title) + "</title>\n<style>" + style +
         "</style>\n</head>\n<body>\n"
         "<input type=\"radio\" name=\"language\" id=\"show-zh\" class=\"switch\"" + (zh ? " checked" : "") + ">\n"
         "<input type=\"radio\" name=\"language\" id=\"show-en\" class=\"switch\"" + (zh ? "" : " checked") + ">\n"
         "<div class=\"languages\"><label for=\"show-zh\">中文</label><label for=\"show-en\">English</label></div>\n" +
         article(in, Language::zh) + article(in, Language::en) + "</body>\n</html>\n";
}

}  // namespace shanzhi::cli::brief
