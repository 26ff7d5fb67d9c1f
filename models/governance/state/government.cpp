#include "models/governance/state/government.hpp"

#include <algorithm>

namespace shanzhi::gov {

double Budget::pay(Instrument i, double amount) {
  auto& ledger = (*this)[i];
  const double payment = std::clamp(amount, 0.0, ledger.unspent());
  ledger.spent += payment;
  cumulative[static_cast<std::size_t>(i)].spent += payment;
  return payment;
}

void Budget::open_year(int year, const std::array<double, instrument_count>& allocations) {
  fiscal_year = year;
  for (std::size_t i = 0; i < ledgers.size(); ++i) {
    ledgers[i] = Ledger{allocations[i], 0};
    cumulative[i].allocated += allocations[i];
  }
}

double Budget::total_spent_this_year() const {
  double total = 0;
  for (const auto& l : ledgers) total += l.spent;
  return total;
}

}  // namespace shanzhi::gov
