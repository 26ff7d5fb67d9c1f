#pragma once
// Government money: one ledger per funding instrument for the current fiscal year. Invariant
// (tested): spent ≤ allocated, and at any time allocated = spent + unspent. Beside the budget,
// the public cost of the community workforce and of the reforms outside the instruments
// (PublicCosts), accrued week by week (phases/public_cost.cpp).

#include <array>
#include <string_view>

namespace shanzhi::gov {

/// Funding instruments: purchase of services (L3), operating grants, awards and venture
/// philanthropy (L12), subsidies per social worker (L17), and community projects chosen by
/// deliberation (the N of 4+4+N, L4).
enum class Instrument { purchase, direct_grant, award, venture, subsidy, projects };
inline constexpr int instrument_count = 6;
inline constexpr std::array<std::string_view, instrument_count> instrument_keys{
    "purchase", "direct_grant", "award", "venture", "subsidy", "projects"};

struct Ledger {
  double allocated = 0;
  double spent = 0;
  double unspent() const { return allocated - spent; }
};

struct Budget {
  int fiscal_year = 0;
  std::array<Ledger, instrument_count> ledgers{};
  /// Totals over every closed and the current year.
  std::array<Ledger, instrument_count> cumulative{};

  Ledger& operator[](Instrument i) { return ledgers[static_cast<std::size_t>(i)]; }
  const Ledger& operator[](Instrument i) const { return ledgers[static_cast<std::size_t>(i)]; }

  /// Pays up to `amount` from an instrument, never beyond what is allocated; returns the payment.
  double pay(Instrument i, double amount);
  /// Opens a fiscal year with fresh allocations.
  void open_year(int year, const std::array<double, instrument_count>& allocations);
  double total_spent_this_year() const;
};

/// Public costs outside the six funding instruments (docs/model.md, Public cost): the community
/// workforce's pay, its 好社工 awards (L18), training and 一专多能 (L7), licensing (L7) and
/// general-practice cross-training (L10); separated workstations (L9), the street hubs (L11) and
/// third-party assessment (L19).
enum class PublicCost { workforce_pay, worker_awards, training, licensing, general_practice, station_separation, hub, third_party_assessment };
inline constexpr int public_cost_count = 8;

/// What each PublicCost has cost so far in the current fiscal year, and over the whole run.
struct PublicCosts {
  std::array<double, public_cost_count> year{};
  std::array<double, public_cost_count> cumulative{};

  double this_year(PublicCost item) const { return year[static_cast<std::size_t>(item)]; }
  void add(PublicCost item, double yuan) {
    year[static_cast<std::size_t>(item)] += yuan;
    cumulative[static_cast<std::size_t>(item)] += yuan;
  }
  /// Residents' fees for convenience-tier services (L4), which offset the public cost.
  double fees_year = 0;
  double fees_cumulative = 0;
  void add_fees(double yuan) {
    fees_year += yuan;
    fees_cumulative += yuan;
  }
  /// A new fiscal year starts from nothing.
  void open_year() {
    year = {};
    fees_year = 0;
  }
  double total_this_year() const {
    double total = 0;
    for (double x : year) total += x;
    return total;
  }
};

}  // namespace shanzhi::gov
