#include "core/snapshot.hpp"

#include <algorithm>

namespace shanzhi::viz {

DistrictShape make_district_shape(const gov::ModelState& state) {
  DistrictShape shape;
  const auto& layout = state.layout;
  shape.streets = static_cast<int>(layout.streets.size());
  shape.residents_per_cell = layout.resident_count <= max_residents_as_dots ? 1 : layout.residents_per_building;
  std::uint32_t next_cell = 0;
  for (const auto& c : layout.communities) {
    DistrictShape::CommunityShape cs;
    cs.street = c.street;
    cs.first_cell = next_cell;
    cs.first_resident = c.first_resident;
    cs.residents = c.resident_count;
    cs.cell_count = (c.resident_count + shape.residents_per_cell - 1) / shape.residents_per_cell;
    next_cell += cs.cell_count;
    shape.communities.push_back(cs);
  }
  shape.cell_count = next_cell;
  for (const auto& u : state.enterprises.resident_units) shape.unit_community.push_back(u.community);
  for (const auto& p : state.enterprises.property_companies) shape.property_community.push_back(p.community);
  return shape;
}

namespace {

void fill_cells(const gov::ModelState& s, const DistrictShape& shape, WeekFrame& f) {
  f.cell_satisfaction.assign(shape.cell_count, 0.0f);
  f.cell_trust.assign(shape.cell_count, 0.0f);
  std::vector<std::uint32_t> counts(shape.cell_count, 0);
  const auto& r = s.residents;
  for (std::size_t c = 0; c < shape.communities.size(); ++c) {
    const auto& cs = shape.communities[c];
    for (std::uint32_t i = cs.first_resident; i < cs.first_resident + cs.residents; ++i) {
      const auto cell = shape.cell_of(c, i);
      f.cell_satisfaction[cell] += r.satisfaction[i];
      f.cell_trust[cell] += r.trust_community[i];
      ++counts[cell];
    }
  }
  for (std::uint32_t k = 0; k < shape.cell_count; ++k) {
    const float n = static_cast<float>(std::max<std::uint32_t>(1, counts[k]));
    f.cell_satisfaction[k] /= n;
    f.cell_trust[k] /= n;
  }
}

void fill_communities(const gov::ModelState& s, WeekFrame& f) {
  const auto n = s.community_count();
  for (auto& v : f.community) v.assign(n, 0.0f);
  for (std::size_t c = 0; c < n; ++c) {
    const auto& st = s.stats[c];
    const double residents = std::max<std::uint32_t>(1, s.layout.communities[c].resident_count);
    const double closed = st.served + st.unmet;
    f.community[static_cast<int>(MapMetric::satisfaction)][c] = static_cast<float>(st.satisfaction_sum / residents);
    f.community[static_cast<int>(MapMetric::trust)][c] = static_cast<float>(st.trust_community_sum / residents);
    f.community[static_cast<int>(MapMetric::unmet_need)][c] = closed > 0 ? static_cast<float>(st.unmet / closed) : 0.0f;
    // Meeting attendances this week per 1,000 residents.
    f.community[static_cast<int>(MapMetric::participation)][c] =
        static_cast<float>(1000.0 * st.meeting_attendance / residents);
  }
}

void fill_markers(const gov::ModelState& s, WeekFrame& f) {
  const auto& o = s.organizations;
  o.for_each_alive([&](std::uint32_t slot) {
    OrganizationMark m;
    m.slot = slot;
    m.generation = o.id_at(slot).generation;
    m.street = o.columns.street[slot];
    m.professional = o.columns.professional[slot] != 0;
    m.quality = o.columns.quality[slot];
    m.staff = o.columns.staff[slot];
    m.cash_yuan = static_cast<float>(o.columns.cash_yuan[slot]);
    f.organizations.push_back(m);
  });
  for (const auto& u : s.enterprises.resident_units) f.unit_facilities_open.push_back(u.facilities_open ? 1 : 0);
  for (const auto& p : s.enterprises.property_companies) f.property_quality.push_back(p.quality);
}

}  // namespace

WeekFrame make_frame(const gov::GovernanceModel& model, const DistrictShape& shape) {
  WeekFrame f;
  const auto& rec = model.recorder();
  const std::size_t row = rec.row_count() - 1;
  f.week = rec.week_of_row(row);
  f.metrics.resize(rec.metrics().size());
  for (std::size_t m = 0; m < f.metrics.size(); ++m) f.metrics[m] = rec.value(row, m);
  fill_cells(model.state(), shape, f);
  fill_communities(model.state(), f);
  fill_markers(model.state(), f);
  return f;
}

const WeekFrame* Snapshot::frame_at(int week) const {
  if (frames.empty()) return nullptr;
  const int index = week - frames.front()->week;
  if (index < 0 || index >= static_cast<int>(frames.size())) return nullptr;
  return frames[static_cast<std::size_t>(index)].get();
}

Series metric_series(const Snapshot& s, std::size_t metric) {
  Series out;
  out.x.reserve(s.frames.size());
  out.y.reserve(s.frames.size());
  for (const auto& f : s.frames) {
    out.x.push_back(f->week);
    out.y.push_back(f->metrics[metric]);
  }
  return out;
}

Series baseline_series(const Snapshot& s, std::size_t metric) {
  Series out;
  if (!s.compare_active) return out;
  const std::size_t n = std::min(s.frames.size(), s.baseline_rows.size());
  for (std::size_t i = 0; i < n; ++i) {
    out.x.push_back(s.frames[i]->week);
    out.y.push_back((*s.baseline_rows[i])[metric]);
  }
  return out;
}

Series difference_series(const Snapshot& s, std::size_t metric) {
  Series out;
  if (!s.compare_active) return out;
  const std::size_t n = std::min(s.frames.size(), s.baseline_rows.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (s.frames[i]->week < s.compare_from_week) continue;
    out.x.push_back(s.frames[i]->week);
    out.y.push_back(s.frames[i]->metrics[metric] - (*s.baseline_rows[i])[metric]);
  }
  return out;
}

int metric_index(const Snapshot& s, std::string_view name) {
  if (!s.metrics) return -1;
  for (std::size_t m = 0; m < s.metrics->size(); ++m)
    if ((*s.metrics)[m].name == name) return static_cast<int>(m);
  return -1;
}

}  // namespace shanzhi::viz
