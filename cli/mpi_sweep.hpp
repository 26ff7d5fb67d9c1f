#pragma once
// A sweep spread over MPI ranks (`mpirun -np K shanzhi sweep EXPERIMENT`). Rank 0 is the master:
// it owns the results database, hands out one run at a time to whichever worker asks (dynamic
// load balancing: runs differ in cost) and commits each result the moment it arrives. Ranks 1..K-1
// are workers: they run the model and send back the outcomes. Only rank 0 touches the database.
//
// What a dying rank costs: the master has committed every result it received, so a worker that
// dies loses only its run in flight. Open MPI's mpirun ends the whole job when any rank dies
// (its default), so the sweep stops there; running the same command again skips every committed
// run and finishes the rest.
//
// The MPI code sits behind this header so that the rest of the program does not depend on MPI:
// without MPI in the build (CMake option SHANZHI_MPI, ON when Open MPI and Boost.MPI are found)
// built_with_mpi() is false and Session cannot be made.

#include "sim/experiments/experiment.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace shanzhi::cli::mpi {

/// Whether this shanzhi was built with MPI support.
bool built_with_mpi();

/// Whether this process was started by an MPI launcher (mpirun, mpiexec, srun with PMI/PMIx):
/// only then is MPI initialised, so plain `shanzhi sweep` needs no MPI at run time.
bool launched_by_mpi_launcher();

/// MPI from initialisation to finalisation, and the master/worker protocol.
class Session {
 public:
  Session();  ///< initialises MPI; throws std::logic_error when built without MPI
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  int rank() const;
  int size() const;
  bool is_master() const { return rank() == 0; }

  /// Every rank passes a value and gets the largest: with exit codes, whether any rank failed.
  int largest_of(int value);
  /// Every rank gets the master's value (workers pass anything): e.g. the master's exit code when
  /// it could not open the database.
  int from_master(int value);

  /// Master: hands out `todo` (positions in the plan's run list) to the workers, first come first
  /// served. Before handing out a run it asks `finished_elsewhere(position)` (another process may
  /// have stored it) and skips it when true. Each result goes to `record(position, outcome)` as
  /// soon as it arrives; when `record` returns false no further runs are handed out (the runs in
  /// flight are still received and recorded). Returns when every worker has been told to stop.
  void hand_out(const std::vector<std::size_t>& todo, const std::function<bool(std::size_t)>& finished_elsewhere,
                const std::function<bool(std::size_t, sim::experiments::RunOutcome&&)>& record);

  /// Worker: asks for runs and computes them with `run(position)` until the master says stop.
  void serve(const std::function<sim::experiments::RunOutcome(std::size_t)>& run);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace shanzhi::cli::mpi
