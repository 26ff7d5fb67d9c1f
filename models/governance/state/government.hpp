#pragma once
// Government money: one ledger per funding instrument for the current fiscal year. Invariant
// (tested): spent ≤ allocated, and at any time allocated = spent + unspent.

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

}  // namespace shanzhi::gov
