#include "cli/hdf5_export.hpp"

#include "sim/build_info.hpp"

#include <hdf5.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;

/// An HDF5 handle closed by `close` when it goes out of scope.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t), const std::string& what) : id_(id), close_(close) {
    if (id_ < 0) throw std::runtime_error("HDF5 could not create " + what);
  }
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(Handle&& other) noexcept : id_(other.id_), close_(other.close_) { other.id_ = -1; }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle& operator=(Handle&&) = delete;
  operator hid_t() const { return id_; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

void check(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error("HDF5 could not write " + what);
}

/// A group at `path` (parents made as needed).
Handle group(hid_t file, const std::string& path) {
  Handle links(H5Pcreate(H5P_LINK_CREATE), H5Pclose, "link properties");
  check(H5Pset_create_intermediate_group(links, 1), "link properties");
  return Handle(H5Gcreate2(file, path.c_str(), links, H5P_DEFAULT, H5P_DEFAULT), H5Gclose, "group " + path);
}

template <class T>
void numbers(hid_t parent, const std::string& name, const std::vector<T>& values, hid_t type) {
  const hsize_t size = values.size();
  Handle space(H5Screate_simple(1, &size, nullptr), H5Sclose, "dataspace of " + name);
  Handle set(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Dclose,
             "dataset " + name);
  if (!values.empty()) check(H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), name);
}

Handle utf8_string_type() {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(type, H5T_VARIABLE), "string type");
  check(H5Tset_cset(type, H5T_CSET_UTF8), "string type");
  return type;
}

void strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  const auto type = utf8_string_type();
  numbers(parent, name, pointers, type);
}

void attribute(hid_t target, const std::string& name, const std::string& value) {
  const auto type = utf8_string_type();
  Handle space(H5Screate(H5S_SCALAR), H5Sclose, "attribute space");
  Handle attr(H5Acreate2(target, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose, "attribute " + name);
  const char* text = value.c_str();
  check(H5Awrite(attr, type, &text), "attribute " + name);
}

/// A factor's values run by run: numbers (switches 0/1) when every value is one, else text.
void factor_dataset(hid_t factors, const ex::StoredResults& results, std::size_t j) {
  const auto& key = results.factors[j].key;
  if (const auto numbers_of_runs = ex::numeric_factor_by_run(results, j)) {
    numbers(factors, key, *numbers_of_runs, H5T_NATIVE_DOUBLE);
    return;
  }
  std::vector<std::string> texts;
  for (const auto& run : results.runs) texts.push_back(sim::format_value(results.points.at(run.point).settings[j].second));
  strings(factors, key, texts);
}

void write_layout(hid_t file, const ex::StoredResults& results) {
  attribute(file, "experiment", results.name);
  attribute(file, "shanzhi_version", std::string(sim::shanzhi_version()));
  attribute(file, "git_commit", std::string(sim::shanzhi_git_commit()));
  attribute(file, "design", std::string(ex::to_string(results.kind)));
  attribute(file, "replicates", std::to_string(results.replicates));
  attribute(file, "master_seed", std::to_string(results.master_seed));
  attribute(file, "layout_version", "1");
  std::vector<std::uint64_t> point, replicate, seed;
  std::vector<std::uint8_t> ok;
  for (const auto& run : results.runs) {
    point.push_back(run.point), replicate.push_back(run.replicate), seed.push_back(run.seed);
    ok.push_back(run.ok ? 1 : 0);
  }
  const auto runs = group(file, "runs");
  numbers(runs, "point", point, H5T_NATIVE_UINT64);
  numbers(runs, "replicate", replicate, H5T_NATIVE_UINT64);
  numbers(runs, "seed", seed, H5T_NATIVE_UINT64);
  numbers(runs, "ok", ok, H5T_NATIVE_UINT8);
  const auto factors = group(file, "factors");
  for (std::size_t j = 0; j < results.factors.size(); ++j) factor_dataset(factors, results, j);
  for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
    std::vector<double> values;
    for (const auto& run : results.runs) values.push_back(run.values[k]);
    const auto outcome = group(file, "outcomes/" + results.outcomes[k].metric);
    numbers(outcome, std::string(ex::to_string(results.outcomes[k].statistic)), values, H5T_NATIVE_DOUBLE);
  }
}

}  // namespace

void write_hdf5(const ex::StoredResults& results, const std::filesystem::path& file) {
  // HDF5 prints its own error stack by default; ours says what failed instead.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const auto partial = std::filesystem::path(file.string() + ".partial");
  try {
    {
      Handle out(H5Fcreate(partial.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose, partial.string());
      write_layout(out, results);
      check(H5Fflush(out, H5F_SCOPE_GLOBAL), partial.string());
    }
    std::filesystem::rename(partial, file);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

}  // namespace shanzhi::cli
