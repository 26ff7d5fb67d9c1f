#pragma once
// The model's phases, in the order GovernanceModel runs them each week (MODEL_BRIEF §6).
// Each function has one file; per-community phases run communities in parallel.

#include "models/governance/state/model_state.hpp"
#include "sim/calendar.hpp"
#include "sim/random.hpp"

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
/// What this week's staff and the reforms in force cost the public (pure accounting).
void accrue_public_costs(ModelState& s, const sim::CalendarDate& date);   // public_cost.cpp
void collect_convenience_fees(ModelState& s, const sim::CalendarDate& date);  // public_cost.cpp
void deliver_services(ModelState& s, const sim::CalendarDate& date);      // delivery.cpp
void hold_meetings(ModelState& s, const sim::CalendarDate& date);         // meetings.cpp
void update_residents(ModelState& s, const sim::CalendarDate& date);      // resident_update.cpp
void update_workforce(ModelState& s, const sim::CalendarDate& date);      // workforce_dynamics.cpp

/// One participation event in community `c` (meetings.cpp): each adult attends with the
/// probability of MODEL_BRIEF §3.7; attendees gain belonging, trust in the community and
/// `street_trust_gain` points of trust in the street office. `draw` keeps each kind of event's
/// attendance draws independent. Returns the attendance. When `rating_sum` is given, each attendee
/// also rates the committee, (1 − μ)·S + μ·T_comm with μ = participation.rating_trust_weight (after
/// the meeting's gains), and the ratings are added to it (the two evaluations, L15).
std::uint32_t hold_community_meeting(ModelState& s, std::size_t c, int week, sim::Purpose draw, double street_trust_gain,
                                     double* rating_sum = nullptr);

/// Community projects (deliberation.cpp): proposals at the year's start, the five deliberation
/// steps, and delivery until the year's end.
void run_deliberation(ModelState& s, const sim::CalendarDate& date);

/// Opens or closes social-work station posts (L2) to match the active parameters; called when a
/// policy takes effect.
void adjust_social_work_posts(ModelState& s);

// Monthly.
void settle_organization_finances(ModelState& s, const sim::CalendarDate& date);  // organization_finance.cpp
void found_niche_organizations(ModelState& s, const sim::CalendarDate& date);  // organization_founding.cpp
void decide_facility_sharing(ModelState& s, const sim::CalendarDate& date);       // capacity.cpp
/// The council (L20) raises property companies' service quality a little each month it meets, more
/// where complaints escalate; the month's complaint counts start again (capacity.cpp).
void improve_property_services(ModelState& s, const sim::CalendarDate& date);

// Quarterly.
void appraise_communities(ModelState& s, const sim::CalendarDate& date);   // appraisal.cpp
void spread_service_news(ModelState& s, const sim::CalendarDate& date);    // information.cpp
void develop_organizations(ModelState& s, const sim::CalendarDate& date);  // organization_finance.cpp

// Yearly.
void close_fiscal_year(ModelState& s, const sim::CalendarDate& date);  // fiscal_year.cpp
void open_fiscal_year(ModelState& s, const sim::CalendarDate& date);   // fiscal_year.cpp
/// Sets the catalogue in force for the new fiscal year (catalogue.cpp).
void revise_catalogue(ModelState& s);
/// A catalogue item's mode with "purchase" resolved to commissioned or tendered.
CatalogueMode resolve_purchase_mode(CatalogueMode mode, PurchaseMode default_mode);

/// True when worker activity `a` can serve requests of `category`.
bool activity_serves(Activity a, int category);

/// Worker hours one request of category `k` takes in `community`: services.hours_per_request_of,
/// × admin.general_practice_admin_factor for residents' errands (admin) where 全科社工 applies
/// (L10: one window handles any item, with no handoffs) (worker_time.cpp).
float request_hours(const GovernanceParameters& p, const Community& community, int k);

/// Share of the hidden needs the databases miss that outreach can still reach in `community`:
/// admin.grid_unrecorded_reach where 全科社工 sends workers to the grids (L10), else 0
/// (worker_time.cpp).
double outreach_unrecorded_reach(const GovernanceParameters& p, const Community& community);

/// Hidden needs outreach could find: every need the databases show plus `unrecorded_reach` of
/// those they miss (worker_time.cpp).
double reachable_hidden_needs(const CommunityQueues& queues, double unrecorded_reach);

/// Credits government money to organisation slot `o` (cash and revenue records); every
/// instrument pays through here, so money paid out and money received always agree.
void receive_government_payment(ModelState& s, std::uint32_t o, double amount);

/// Closes organisation slot `o`, keeping its government revenue on record.
void close_organization(ModelState& s, std::uint32_t o);

/// Mean fit of community workers' service in category `k` (worker_time.cpp): single-specialty
/// workers fit specialist categories (elderly, family, disability, health) less well; workers
/// trained to "one specialty, many skills" (一专多能, L7) nearly as well as specialists
/// [A; MODEL_BRIEF §3.1: 1 matched, 0.5 generic].
float worker_fit(const GovernanceParameters& p, int k);

/// Weight workers give category `k`'s backlog in community `c` this week: the rectification
/// priority while the category is under a rectification order (整改, L18), else 1 (appraisal.cpp).
double rectification_weight(const ModelState& s, std::size_t c, int category, int week);

/// A new social organisation in `street` founded in `week` (initialization.cpp), a professional
/// agency or a grassroots group, its quality, roots, staff, reserves and other income drawn from
/// `rng`.
void found_organization(ModelState& s, std::size_t street, bool professional, sim::RandomStream& rng, int week);
/// Draws the field (service category) organisation `slot`, founded in `week`, works in: uniform
/// over the categories, from its own stream (initialization.cpp).
void assign_organization_field(ModelState& s, std::uint32_t slot, int week);
/// Whether organisation `slot` belongs to its street's hub (三社联动, L11): a hub runs and federates
/// the organisations of the fields it covers (the [hub_fields] keys) (organization_finance.cpp).
bool hub_member(const ModelState& s, std::uint32_t slot);

/// Monthly running cost of an organisation with `staff` staff.
double organization_monthly_cost(const GovernanceParameters& p, double staff);

/// An organisation's mean monthly income from fees, donations and CSR (initialization.cpp): the
/// district mean × (income_base_factor + embeddedness) × a mean-one lognormal spread between
/// organisations (income_spread_sd), drawn from `rng`.
double other_income_level(const OrganizationParameters& op, float embeddedness, sim::RandomStream& rng);

}  // namespace shanzhi::gov
