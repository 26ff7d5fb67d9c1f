#pragma once
// The model's phases, in the order GovernanceModel runs them each week (MODEL_BRIEF §6).
// Each function has one file; per-community phases run communities in parallel.

#include "models/governance/model_state.hpp"
#include "sim/calendar.hpp"

namespace shanzhi::gov {

// Set-up (initialization.cpp).
void initialize_population(ModelState& s);
void initialize_workforce(ModelState& s);
void initialize_organizations(ModelState& s);
void initialize_enterprises(ModelState& s);

// Weekly, in this order.
void arrive_needs(ModelState& s, const sim::CalendarDate& date);          // needs.cpp
void pay_contracts_and_plan_capacity(ModelState& s, const sim::CalendarDate& date);  // capacity.cpp
void allocate_worker_time(ModelState& s, const sim::CalendarDate& date);  // worker_time.cpp
void deliver_services(ModelState& s, const sim::CalendarDate& date);      // delivery.cpp
void hold_meetings(ModelState& s, const sim::CalendarDate& date);         // meetings.cpp
void update_residents(ModelState& s, const sim::CalendarDate& date);      // resident_update.cpp
void update_workforce(ModelState& s, const sim::CalendarDate& date);      // workforce_dynamics.cpp

/// Opens or closes social-work station posts (L2) to match the active parameters; called when a
/// policy takes effect.
void adjust_social_work_posts(ModelState& s);

// Monthly.
void settle_organization_finances(ModelState& s, const sim::CalendarDate& date);  // organization_finance.cpp
void decide_facility_sharing(ModelState& s, const sim::CalendarDate& date);       // capacity.cpp

// Quarterly.
void appraise_communities(ModelState& s, const sim::CalendarDate& date);   // appraisal.cpp
void develop_organizations(ModelState& s, const sim::CalendarDate& date);  // organization_finance.cpp

// Yearly.
void close_fiscal_year(ModelState& s, const sim::CalendarDate& date);  // fiscal_year.cpp
void open_fiscal_year(ModelState& s, const sim::CalendarDate& date);   // fiscal_year.cpp

/// True when worker activity `a` can serve requests of `category`.
bool activity_serves(Activity a, int category);

/// Credits government money to organisation slot `o` (cash and revenue records); every
/// instrument pays through here, so money paid out and money received always agree.
void receive_government_payment(ModelState& s, std::uint32_t o, double amount);

/// Closes organisation slot `o`, keeping its government revenue on record.
void close_organization(ModelState& s, std::uint32_t o);

/// Monthly running cost of an organisation with `staff` staff.
double organization_monthly_cost(const GovernanceParameters& p, double staff);

}  // namespace shanzhi::gov
