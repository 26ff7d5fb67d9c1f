#pragma once
// Combining results databases of one experiment (the shards of a job array, or sweeps run on
// different machines) into one. Every input must hold the same experiment: the hash of its
// canonical text (results_store.hpp) must agree, so results of two experiments are never mixed.
// A run present in several inputs is kept once (the first input's copy). The output is written
// to a temporary file beside it and renamed into place only when complete.

#include "sim/experiments/results_store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace shanzhi::sim::experiments {

struct MergeInput {
  std::filesystem::path path;
  std::string experiment;  ///< the experiment's name
  std::string hash;        ///< of its canonical text
  std::string git_commit;  ///< of the build that created the database
  std::size_t runs = 0;    ///< finished runs it holds
  std::size_t added = 0;   ///< of which the merge added (the rest were already there)
};

struct MergeReport {
  std::vector<MergeInput> inputs;  ///< the output's previous content first when it existed
  std::size_t total_runs = 0;      ///< finished runs in the output
  std::size_t planned_runs = 0;    ///< points x replicates of the experiment
  bool commits_differ = false;     ///< the inputs were made by different builds of Shanzhi
};

/// Merges `inputs` into `output`. When `output` already exists it must hold the same experiment
/// and its runs are kept. Throws StoreRefused (nothing written) when an input is missing, is not
/// a results database, or holds another experiment (the message lists every file's experiment
/// and hash), or when `output` is also an input; StoreError when reading or writing fails.
MergeReport merge_results(const std::filesystem::path& output, const std::vector<std::filesystem::path>& inputs);

}  // namespace shanzhi::sim::experiments
