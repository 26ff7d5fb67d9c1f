#pragma once
// Structure-of-arrays agent storage with stable generational ids.
//
// A model keeps each kind of agent's state as parallel columns (one std::vector per field) in a
// `Columns` struct that lists them in `for_each_column`. AgentTable owns the slots: creating an
// agent reuses a free slot or grows every column by one; destroying it bumps the slot's
// generation, so an old id held elsewhere (a contract naming a closed organisation) is detected
// as dead instead of silently pointing at the slot's next occupant.

#include <stdexcept>
#include <cstdint>
#include <vector>

namespace shanzhi::sim {

/// Handle to an agent of kind `Tag`: slot index plus the slot's generation at creation.
template <class Tag>
struct AgentId {
  std::uint32_t index = invalid_index;
  std::uint32_t generation = 0;

  static constexpr std::uint32_t invalid_index = 0xFFFFFFFFu;
  bool valid() const { return index != invalid_index; }
  friend bool operator==(AgentId, AgentId) = default;
};

template <class Tag, class Columns>
class AgentTable {
 public:
  using Id = AgentId<Tag>;

  Columns columns;

  /// A new agent; its columns hold value-initialised fields until the caller sets them.
  Id create() {
    std::uint32_t index;
    if (!free_slots_.empty()) {
      index = free_slots_.back();
      free_slots_.pop_back();
      columns.for_each_column([index](auto& column) { column[index] = {}; });
    } else {
      index = static_cast<std::uint32_t>(generation_.size());
      generation_.push_back(0);
      alive_.push_back(0);
      columns.for_each_column([](auto& column) { column.emplace_back(); });
    }
    alive_[index] = 1;
    ++alive_count_;
    return Id{index, generation_[index]};
  }

  /// Ends an agent's life; its id becomes stale and its slot may be reused.
  /// Throws std::logic_error for a dead or stale id (destroying twice would corrupt the free list).
  void destroy(Id id) {
    if (!is_alive(id)) throw std::logic_error("AgentTable::destroy: id is not alive");
    alive_[id.index] = 0;
    ++generation_[id.index];
    free_slots_.push_back(id.index);
    --alive_count_;
  }

  bool is_alive(Id id) const {
    return id.index < generation_.size() && alive_[id.index] && generation_[id.index] == id.generation;
  }
  bool slot_alive(std::uint32_t index) const { return alive_[index] != 0; }
  Id id_at(std::uint32_t index) const { return Id{index, generation_[index]}; }

  /// Number of slots (alive or free); columns have this length.
  std::uint32_t capacity() const { return static_cast<std::uint32_t>(generation_.size()); }
  std::uint32_t alive_count() const { return alive_count_; }

  /// Reserve room for `n` agents in every column (avoids reallocation in the step loop).
  void reserve(std::size_t n) {
    generation_.reserve(n);
    alive_.reserve(n);
    columns.for_each_column([n](auto& column) { column.reserve(n); });
  }

  /// Calls f(index) for every living agent in slot order (deterministic).
  template <class F>
  void for_each_alive(F&& f) const {
    for (std::uint32_t i = 0; i < capacity(); ++i)
      if (alive_[i]) f(i);
  }

 private:
  std::vector<std::uint32_t> generation_;
  std::vector<std::uint8_t> alive_;
  std::vector<std::uint32_t> free_slots_;
  std::uint32_t alive_count_ = 0;
};

}  // namespace shanzhi::sim
