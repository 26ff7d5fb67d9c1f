#include "sim/optimization/search.hpp"

#include <pagmo/algorithm.hpp>
#include <pagmo/algorithms/cmaes.hpp>
#include <pagmo/algorithms/nsga2.hpp>
#include <pagmo/batch_evaluators/member_bfe.hpp>
#include <pagmo/bfe.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>

#include <memory>
#include <stdexcept>

namespace shanzhi::sim::optimization {
namespace {

/// Initial step size of CMA-ES in unit coordinates: a third of every lever's range.
constexpr double cmaes_sigma0 = 0.3;

/// The pagmo problem: bounds [0, 1]^d, fitness through the planner's batch function.
struct UnitBoxProblem {
  std::shared_ptr<const BatchFitness> fitness_of;
  std::size_t dimensions = 1;
  std::size_t objectives = 1;

  pagmo::vector_double fitness(const pagmo::vector_double& x) const { return (*fitness_of)({x}).front(); }

  pagmo::vector_double batch_fitness(const pagmo::vector_double& flat) const {
    std::vector<std::vector<double>> candidates;
    for (std::size_t i = 0; i + dimensions <= flat.size(); i += dimensions)
      candidates.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(i),
                              flat.begin() + static_cast<std::ptrdiff_t>(i + dimensions));
    pagmo::vector_double out;
    for (const auto& f : (*fitness_of)(candidates)) out.insert(out.end(), f.begin(), f.end());
    return out;
  }

  std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const {
    return {pagmo::vector_double(dimensions, 0.0), pagmo::vector_double(dimensions, 1.0)};
  }
  pagmo::vector_double::size_type get_nobj() const { return objectives; }
  std::string get_name() const { return "Shanzhi planning problem"; }
  // The fitness drives OpenMP and the results store itself; pagmo must not call it from threads.
  pagmo::thread_safety get_thread_safety() const { return pagmo::thread_safety::none; }
};

}  // namespace

std::vector<std::vector<double>> run_search(const SearchSettings& settings, std::size_t dimensions,
                                            std::size_t objectives, std::uint64_t seed, const BatchFitness& fitness) {
  UnitBoxProblem udp;
  udp.fitness_of = std::make_shared<const BatchFitness>(fitness);
  udp.dimensions = dimensions;
  udp.objectives = objectives;
  const pagmo::problem problem(udp);
  const auto pagmo_seed = static_cast<unsigned>(seed & 0xFFFFFFFFu);
  const auto size = static_cast<pagmo::population::size_type>(settings.population);
  pagmo::population population(problem, pagmo::bfe{pagmo::member_bfe{}}, size, pagmo_seed);
  const auto generations = static_cast<unsigned>(settings.generations);
  if (settings.algorithm == Algorithm::nsga2) {
    pagmo::nsga2 nsga2(generations, 0.95, 10., 1.0 / static_cast<double>(dimensions), 50., pagmo_seed);
    nsga2.set_bfe(pagmo::bfe{pagmo::member_bfe{}});
    population = pagmo::algorithm{nsga2}.evolve(population);
  } else {
    // ftol/xtol 1e-9: stop only when the search has really settled; memory off (one evolve call).
    const pagmo::cmaes cmaes(generations, -1, -1, -1, -1, cmaes_sigma0, 1e-9, 1e-9, false, true, pagmo_seed);
    population = pagmo::algorithm{cmaes}.evolve(population);
  }
  std::vector<std::vector<double>> candidates;
  for (const auto& x : population.get_x()) candidates.push_back(x);
  return candidates;
}

}  // namespace shanzhi::sim::optimization
