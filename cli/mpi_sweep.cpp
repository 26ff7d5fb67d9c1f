#include "cli/mpi_sweep.hpp"

#include <cstdlib>
#include <stdexcept>

#if SHANZHI_WITH_MPI
#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/mpi/operations.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include <algorithm>
#include <chrono>
#include <thread>
#endif

namespace shanzhi::cli::mpi {

namespace ex = sim::experiments;

bool launched_by_mpi_launcher() {
  // Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; PMIx launchers (srun --mpi=pmix, prterun) set
  // PMIX_RANK; MPICH-style and Slurm PMI-2 launchers set PMI_RANK / PMI_SIZE.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(name)) return true;
  return false;
}

#if SHANZHI_WITH_MPI

namespace {

namespace bmpi = boost::mpi;

enum Tag : int { tag_ready = 1, tag_result = 2, tag_work = 3, tag_stop = 4 };

/// A RunOutcome as it travels from a worker to the master. Doubles travel as their bytes, so the
/// stored values are the worker's exactly.
struct WireResult {
  std::uint64_t position = 0;
  bool ok = false;
  std::vector<double> values;
  std::string error;
  double wall_seconds = 0;
  bool has_timeseries = false;
  std::vector<std::string> metric_names;
  std::vector<int> weeks;
  std::vector<double> series;  ///< row-major: row * metrics + metric

  template <class Archive>
  void serialize(Archive& archive, unsigned /*version*/) {
    archive& position& ok& values& error& wall_seconds& has_timeseries& metric_names& weeks& series;
  }
};

WireResult to_wire(std::size_t position, ex::RunOutcome&& outcome) {
  WireResult wire;
  wire.position = position;
  wire.ok = outcome.ok;
  wire.values = std::move(outcome.values);
  wire.error = std::move(outcome.error);
  wire.wall_seconds = outcome.wall_seconds;
  if (outcome.timeseries) {
    const auto& recorder = *outcome.timeseries;
    wire.has_timeseries = true;
    for (const auto& metric : recorder.metrics()) wire.metric_names.push_back(metric.name);
    for (std::size_t row = 0; row < recorder.row_count(); ++row) {
      wire.weeks.push_back(recorder.week_of_row(row));
      for (std::size_t m = 0; m < recorder.metrics().size(); ++m) wire.series.push_back(recorder.value(row, m));
    }
  }
  return wire;
}

ex::RunOutcome from_wire(WireResult&& wire) {
  ex::RunOutcome outcome;
  outcome.ok = wire.ok;
  outcome.values = std::move(wire.values);
  outcome.error = std::move(wire.error);
  outcome.wall_seconds = wire.wall_seconds;
  if (wire.has_timeseries) {
    sim::MetricRecorder recorder;  // the store keeps names, weeks and values only
    for (const auto& name : wire.metric_names) recorder.declare({name, "", "", sim::Direction::neutral, false});
    const std::size_t metrics = wire.metric_names.size();
    for (std::size_t row = 0; row < wire.weeks.size(); ++row) {
      recorder.begin_row(wire.weeks[row]);
      for (std::size_t m = 0; m < metrics; ++m) recorder.set(m, wire.series[row * metrics + m]);
    }
    outcome.timeseries = std::move(recorder);
  }
  return outcome;
}

/// Waits for the next message from any worker without spinning: Open MPI's blocking receive polls
/// a core at full speed, which would steal it from a worker when ranks outnumber cores.
bmpi::status next_message(const bmpi::communicator& world) {
  auto pause = std::chrono::microseconds(50);
  for (;;) {
    if (const auto status = world.iprobe(bmpi::any_source, bmpi::any_tag)) return *status;
    std::this_thread::sleep_for(pause);
    pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(5));
  }
}

/// Fault injection for the tests: a worker given SHANZHI_TEST_MPI_WORKER_EXIT_AFTER=N dies
/// (without MPI_Finalize, as a crash would) on receiving its (N+1)-th run.
long worker_exit_after() {
  const char* text = std::getenv("SHANZHI_TEST_MPI_WORKER_EXIT_AFTER");
  return text ? std::strtol(text, nullptr, 10) : -1;
}

}  // namespace

struct Session::State {
  // Only the main thread calls MPI; the model's OpenMP threads never do.
  bmpi::environment environment{bmpi::threading::funneled};
  bmpi::communicator world;
};

bool built_with_mpi() { return true; }

Session::Session() : state_(std::make_unique<State>()) {}
Session::~Session() = default;

int Session::rank() const { return state_->world.rank(); }
int Session::size() const { return state_->world.size(); }

int Session::largest_of(int value) { return bmpi::all_reduce(state_->world, value, bmpi::maximum<int>()); }

int Session::from_master(int value) {
  bmpi::broadcast(state_->world, value, 0);
  return value;
}

void Session::hand_out(const std::vector<std::size_t>& todo, const std::function<bool(std::size_t)>& finished_elsewhere,
                       const std::function<bool(std::size_t, ex::RunOutcome&&)>& record) {
  const auto& world = state_->world;
  int working = world.size() - 1;
  std::size_t next = 0;
  bool stopping = false;
  while (working > 0) {
    const auto message = next_message(world);
    const int worker = message.source();
    if (message.tag() == tag_result) {
      WireResult wire;
      world.recv(worker, tag_result, wire);
      const auto position = static_cast<std::size_t>(wire.position);
      // Commit before handing out more work: a result is on disk before its worker moves on.
      if (!record(position, from_wire(std::move(wire)))) stopping = true;
    } else {
      world.recv(worker, tag_ready);
    }
    while (!stopping && next < todo.size() && finished_elsewhere(todo[next])) ++next;
    if (!stopping && next < todo.size()) {
      world.send(worker, tag_work, static_cast<std::uint64_t>(todo[next++]));
    } else {
      world.send(worker, tag_stop);
      --working;
    }
  }
}

void Session::serve(const std::function<ex::RunOutcome(std::size_t)>& run) {
  const auto& world = state_->world;
  const long exit_after = worker_exit_after();
  long received = 0;
  world.send(0, tag_ready);
  for (;;) {
    const auto message = world.probe(0, bmpi::any_tag);
    if (message.tag() == tag_stop) {
      world.recv(0, tag_stop);
      return;
    }
    std::uint64_t position = 0;
    world.recv(0, tag_work, position);
    if (exit_after >= 0 && received++ == exit_after) std::_Exit(70);
    world.send(0, tag_result, to_wire(static_cast<std::size_t>(position), run(static_cast<std::size_t>(position))));
  }
}

#else  // built without MPI

struct Session::State {};

bool built_with_mpi() { return false; }

Session::Session() { throw std::logic_error("this shanzhi was built without MPI (CMake option SHANZHI_MPI)"); }
Session::~Session() = default;
int Session::rank() const { return 0; }
int Session::size() const { return 1; }
int Session::largest_of(int value) { return value; }
int Session::from_master(int value) { return value; }
void Session::hand_out(const std::vector<std::size_t>&, const std::function<bool(std::size_t)>&,
                       const std::function<bool(std::size_t, ex::RunOutcome&&)>&) {}
void Session::serve(const std::function<ex::RunOutcome(std::size_t)>&) {}

#endif

}  // namespace shanzhi::cli::mpi
