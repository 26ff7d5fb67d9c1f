#include "cli/brief/brief_words.hpp"

#include "models/governance/bilingual/phrase.hpp"
#include "models/governance/spec/service_category.hpp"

#include <array>

namespace shanzhi::cli::brief {
namespace {

using gov::Phrase;

constexpr Phrase table[] = {
    // The page
    {"title", "Policy brief: {} against {}", "政策简报：{} 与 {} 对比"},
    {"show_in", "Language", "语言"},
    {"meta",
     "Simulated district: {} streets, {} communities, about {} residents. Effects over {} weeks after the reform "
     "starts, the mean of the last 52 weeks; {} paired replicates (common random numbers). Made {} by Shanzhi {}.",
     "模拟辖区：{} 个街道、{} 个社区，约 {} 名居民。效果为改革开始后 {} 周内、最后 52 周的平均值；{} 组配对重复模拟"
     "（共同随机数）。{} 由善治 {} 生成。"},
    {"how_to_read",
     "Each effect is the policy's difference from the baseline with its 95% interval over the simulation's "
     "randomness. Numbers are rounded to what that interval supports. They are model results, not forecasts of "
     "survey scores: compare policies by their differences, not by the levels. A difference of two shares is in "
     "percentage points.",
     "每项效果是政策方案与基线的差值及其 95% 区间（反映模拟的随机性）。数字只保留区间所能支持的位数。"
     "这些是模型推演结果，不是对满意度调查得分的预测：请比较各方案的差值，而不是绝对水平。两个比例之差以百分点计。"},
    // Headings
    {"h.summary", "In brief", "要点"},
    {"h.policy", "Policy: {}", "政策方案：{}"},
    {"h.changes", "What the policy changes", "方案改变了什么"},
    {"h.headline", "Headline effects", "主要效果"},
    {"h.over_time", "Satisfaction over time", "满意度随时间的变化"},
    {"h.for_whom", "Who gains", "谁受益"},
    {"h.cost", "Public cost", "财政成本"},
    {"h.assumptions", "Assumptions that matter", "关键假设的影响"},
    {"h.leaves_out", "What the model leaves out", "模型未包含的内容"},
    {"h.reproduce", "How to reproduce this brief", "如何复现本简报"},
    {"h.ranking", "Policies side by side", "各方案对比"},
    // Summary sentences
    {"s.satisfaction", "Resident satisfaction changes by {} points (95% interval {} to {}).",
     "居民满意度变化 {} 分（95% 区间 {} 至 {}）。"},
    {"s.vulnerable", "Vulnerable residents' satisfaction changes by {} points ({} to {}).",
     "困难群体满意度变化 {} 分（{} 至 {}）。"},
    {"s.cost", "Public cost changes by {} a year ({} to {}): {} a resident, {} a community.",
     "财政成本每年变化 {}（{} 至 {}），折合每位居民 {}、每个社区 {}。"},
    {"s.cost_exact", "Public cost changes by {} a year in every replicate: {} a resident, {} a community.",
     "财政成本每年变化 {}（各次重复模拟相同），折合每位居民 {}、每个社区 {}。"},
    {"s.cost_same", "Public cost is the same in every replicate.", "各次重复模拟中财政成本均不变。"},
    {"s.no_effect", "The interval includes zero: the model cannot tell the direction of this effect.",
     "区间包含零：模型无法确定这一效果的方向。"},
    {"s.groups_most", "Among population groups, {} gain most ({}) and {} least ({}).",
     "在各人群中，{}受益最多（{}），{}最少（{}）。"},
    // Cost-effectiveness by quadrant
    {"ce.gain", "Each ¥1m a year buys {} points of satisfaction ({} to {}).",
     "每年每投入 100 万元，满意度提高 {} 分（{} 至 {}）。"},
    {"ce.saving", "Each ¥1m a year saved costs {} points of satisfaction ({} to {}).",
     "每年每节省 100 万元，满意度下降 {} 分（{} 至 {}）。"},
    {"ce.dominant", "It raises satisfaction and costs less: better on both counts.", "满意度提高且成本更低：两方面都更优。"},
    {"ce.dominated", "It lowers satisfaction and costs more: worse on both counts.", "满意度下降且成本更高：两方面都更差。"},
    {"ce.unclear", "Cost-effectiveness cannot be read: {}", "无法给出成本效益：{}"},
    // Tables
    {"t.metric", "Metric", "指标"},
    {"t.baseline", "Baseline", "基线"},
    {"t.policy", "Policy", "政策方案"},
    {"t.difference", "Difference [95% interval]", "差值 [95% 区间]"},
    {"t.replicates", "Replicates enough?", "重复次数是否足够"},
    {"t.enough", "enough", "足够"},
    {"t.sign_clear", "sign clear, more replicates would narrow it", "方向已明确，增加重复可缩小区间"},
    {"t.no_effect", "no detectable effect", "未检测到效果"},
    {"t.one_replicate", "one replicate: no interval", "只有一次重复：无区间"},
    {"t.key", "Setting", "参数"},
    {"t.value", "Value", "取值"},
    {"t.source", "Set in", "来源"},
    {"t.group", "Group", "人群"},
    {"t.street", "Street", "街道"},
    {"t.community", "Community", "社区"},
    {"t.category", "Service category", "服务类别"},
    {"t.item", "Item", "项目"},
    {"t.total_year", "Public cost a year (all instruments, workforce and reform running costs)",
     "每年财政成本（全部资金工具、社工队伍和改革运行成本）"},
    {"t.per_resident", "Per resident a year", "每位居民每年"},
    {"t.per_community", "Per community a year", "每个社区每年"},
    {"t.ce", "Cost-effectiveness", "成本效益"},
    {"t.assumption", "Assumed number", "假设参数"},
    {"t.rho", "Rank correlation with the effect", "与效果的秩相关"},
    {"t.range", "Range drawn", "抽样范围"},
    {"t.at_values", "At the scenario's values", "按情景取值"},
    {"t.band80", "80% of assumption draws", "80% 的假设抽样"},
    {"t.band95", "95% of assumption draws", "95% 的假设抽样"},
    {"t.same_sign", "Draws with the same sign", "同号抽样比例"},
    {"t.rank", "Rank", "排名"},
    {"t.points_per_million", "Satisfaction points per ¥1m a year", "每年每 100 万元带来的满意度分值"},
    // Charts
    {"c.week", "Weeks since the reform started", "改革开始后的周数"},
    {"c.points", "Satisfaction (points 0–100)", "满意度（0–100 分）"},
    {"c.difference", "Difference (points)", "差值（分）"},
    {"c.satisfaction", "Mean resident satisfaction with 95% bands", "居民平均满意度及 95% 区间带"},
    {"c.satisfaction_difference", "Policy minus baseline, paired, with 95% band", "政策方案减基线（配对）及 95% 区间带"},
    {"c.effect_points", "Effect on satisfaction (points), 95% interval", "对满意度的效果（分），95% 区间"},
    {"c.by_group", "Satisfaction effect by population group", "各人群的满意度效果"},
    {"c.by_street", "Satisfaction effect by street", "各街道的满意度效果"},
    {"c.by_community", "Satisfaction effect by community", "各社区的满意度效果"},
    {"c.by_category", "Satisfaction effect by service category (residents who used it)", "各服务类别的满意度效果（使用过该服务的居民）"},
    {"c.hollow", "A hollow dot: the interval includes zero.", "空心点：区间包含零。"},
    {"c.all_communities", "Every community ({})", "全部社区（{} 个）"},
    // Assumptions
    {"a.none",
     "Not run for this brief. The intervals above cover the simulation's randomness only, not the model's assumed "
     "numbers. Add --assumptions default to see how much each effect depends on them (about 640 more runs on the "
     "small district).",
     "本简报未做此项分析。上面的区间只反映模拟的随机性，不反映模型中假设参数的不确定性。加上 --assumptions default "
     "即可查看各项效果在多大程度上取决于这些假设（在小型辖区上约需再运行 640 次）。"},
    {"a.intro",
     "The comparison was repeated at {} draws of the model's assumed numbers ({} varied, each within its plausible "
     "range; {}). The bands show where the effect falls across those draws.",
     "在模型假设参数的 {} 组抽样下重复了比较（共变动 {} 个参数，各在其合理范围内；{}）。区间带显示效果在这些抽样下的分布。"},
    {"a.drivers",
     "The assumed numbers the satisfaction effect follows most closely (|ρ| below {} is within noise):",
     "满意度效果最依赖的假设参数（|ρ| 低于 {} 属于噪声范围）："},
    {"a.no_drivers",
     "No assumed number stands out of the noise of these draws (every |ρ| is below {}): more draws (--draws) or "
     "--why would tell them apart.",
     "在这些抽样中，没有哪个假设参数超出噪声范围（所有 |ρ| 均低于 {}）：增加抽样（--draws）或使用 --why 才能区分。"},
    {"a.small_district", "run on the small district", "在小型辖区上运行"},
    {"a.scenario_district", "run on the scenario's own district", "在情景自身的辖区上运行"},
    // Reproduce
    {"r.command", "The command that made this brief:", "生成本简报的命令："},
    {"r.compare", "The same comparison with every number in CSV files:", "以 CSV 文件输出全部数字的同一比较："},
    {"r.version", "Shanzhi {} (git {}); master seed {}; replicate seeds {}.", "善治 {}（git {}）；主随机种子 {}；各重复种子 {}。"},
    {"r.files", "Scenario files read:", "读取的情景文件："},
    {"r.same",
     "The same command, version and seed give the same numbers on any machine and thread count.",
     "相同的命令、版本和随机种子在任何机器、任何线程数下都给出相同的数字。"},
    // Population groups (models/governance/recording/breakdown_metrics.cpp)
    {"population.age_0_14", "children (0–14)", "儿童（0–14 岁）"},
    {"population.age_15_59", "adults (15–59)", "成年人（15–59 岁）"},
    {"population.age_60_79", "older people (60–79)", "老年人（60–79 岁）"},
    {"population.age_80_plus", "the oldest (80+)", "高龄老人（80 岁以上）"},
    {"population.living_alone_elderly", "elderly living alone", "独居老人"},
    {"population.disabled", "disabled residents", "残疾人"},
    {"population.low_income", "minimum-income households", "低保家庭"},
    {"population.migrant", "migrants", "流动人口"},
    {"population.vulnerable", "all vulnerable residents", "全部困难群体"},
    {"population.not_vulnerable", "everyone else", "其他居民"},
};


const std::vector<std::string>& limits_en() {
  static const std::vector<std::string> items{
      "The district is synthetic: sized as the Guangling report describes (streets, communities, residents, "
      "workers), not built from Guangling's records, and not calibrated to its satisfaction surveys. Levels are on "
      "the model's scale; differences between policies are what it is built to compare.",
      "Most behavioural numbers are assumptions with a plausible range (docs/parameters.md). Unless the "
      "assumption section above shows draws, the intervals do not include them.",
      "Costs are the public cost the model prices: the six funding instruments, the workforce's pay, awards, "
      "training and licensing, and the reforms' running costs, with assumed unit costs. Buildings, procurement "
      "administration and residents' own time are not counted.",
      "Policies act exactly as written, from the week set: there is no implementation gap beyond the leakage of "
      "burden reduction (L1), no political cycle and no change of leadership.",
      "Residents do not move house; there are no committee elections and no market providers of convenience "
      "services. Expectations change through word of mouth only, not through announcements.",
      "Budgets take effect when a fiscal year opens, so a budget change shows about a year after it is made.",
  };
  return items;
}

const std::vector<std::string>& limits_zh() {
  static const std::vector<std::string> items{
      "辖区是合成的：按广陵区报告描述的规模（街道、社区、居民、社工）构建，并非来自广陵的实际档案，也未用其满意度调查"
      "校准。绝对水平只在模型尺度上有意义；模型用于比较不同方案之间的差异。",
      "大多数行为参数是带有合理范围的假设（见 docs/parameters.md）。除非上面的“关键假设”部分给出了抽样结果，"
      "区间并不包含这些假设的不确定性。",
      "成本是模型核算的财政成本：六种资金工具、社工薪酬、奖励、培训和持证，以及各项改革的运行成本，单价均为假设。"
      "不含场地建设、采购管理成本和居民自身投入的时间。",
      "政策从设定的周起完全按文本执行：除社区减负的“反弹”（L1）外，没有执行落差，也没有政治周期和领导更替。",
      "居民不搬迁；不模拟居委会选举和市场化便民服务供给方。居民期望只通过口碑变化，不受政策宣传影响。",
      "预算在新财年开始时生效，因此预算调整约一年后才显现效果。",
  };
  return items;
}

}  // namespace

std::string word(std::string_view key, sim::Language language) {
  for (const auto& p : table)
    if (p.key == key) return std::string(language == sim::Language::zh ? p.zh : p.en);
  return std::string(key);
}

std::string metric_name(const std::string& metric, sim::Language language) {
  const auto* p = gov::find_phrase("metric." + metric);
  if (!p) return metric;
  return std::string(language == sim::Language::zh ? p->zh : p->en);
}

std::string group_name(const std::string& group, sim::Language language) { return word("population." + group, language); }

std::string category_name(const std::string& category, sim::Language language) {
  for (const auto& c : gov::categories)
    if (c.key == category) return std::string(language == sim::Language::zh ? c.name_zh : c.name_en);
  return category;
}

std::string filled(std::string pattern, const std::vector<std::string>& values) {
  std::size_t at = 0;
  for (const auto& v : values) {
    at = pattern.find("{}", at);
    if (at == std::string::npos) break;
    pattern.replace(at, 2, v);
    at += v.size();
  }
  return pattern;
}

std::vector<std::string> model_limits(sim::Language language) {
  return language == sim::Language::zh ? limits_zh() : limits_en();
}

}  // namespace shanzhi::cli::brief
