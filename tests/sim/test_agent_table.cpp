// AgentTable: slots, generations and parallel columns. The generation check is what keeps a
// contract naming a closed organisation from paying that slot's next occupant, so stale ids
// after reuse get the most attention here.

#include "sim/agent_table.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace shanzhi::sim;

namespace {

struct ShopTag {};

/// Three columns of different types, including one whose default is not all-zero bytes.
struct ShopColumns {
  std::vector<int> staff;
  std::vector<double> cash;
  std::vector<std::string> name;

  template <class F>
  void for_each_column(F&& f) {
    f(staff);
    f(cash);
    f(name);
  }
};

using Shops = AgentTable<ShopTag, ShopColumns>;
using ShopId = Shops::Id;

bool columns_have_length(const Shops& shops, std::size_t n) {
  const auto& c = shops.columns;
  return c.staff.size() == n && c.cash.size() == n && c.name.size() == n;
}

std::vector<std::uint32_t> alive_indices(const Shops& shops) {
  std::vector<std::uint32_t> out;
  shops.for_each_alive([&](std::uint32_t i) { out.push_back(i); });
  return out;
}

}  // namespace

TEST_CASE("a default id is invalid and never alive", "[sim][agent_table]") {
  const ShopId none;
  CHECK_FALSE(none.valid());
  Shops shops;
  CHECK_FALSE(shops.is_alive(none));
  shops.create();
  CHECK_FALSE(shops.is_alive(none));
}

TEST_CASE("create appends slots with generation 0 and grows every column", "[sim][agent_table]") {
  Shops shops;
  CHECK(shops.capacity() == 0);
  CHECK(shops.alive_count() == 0);
  CHECK(columns_have_length(shops, 0));

  const ShopId a = shops.create();
  const ShopId b = shops.create();
  const ShopId c = shops.create();
  CHECK(a.index == 0);
  CHECK(b.index == 1);
  CHECK(c.index == 2);
  CHECK(a.generation == 0);
  CHECK(a.valid());
  CHECK(shops.capacity() == 3);
  CHECK(shops.alive_count() == 3);
  CHECK(columns_have_length(shops, 3));
  CHECK(shops.is_alive(a));
  CHECK(shops.is_alive(c));
  CHECK(shops.id_at(1) == b);
  CHECK(shops.slot_alive(2));
  // New agents start with value-initialised fields.
  CHECK(shops.columns.staff[2] == 0);
  CHECK(shops.columns.cash[2] == 0.0);
  CHECK(shops.columns.name[2].empty());
}

TEST_CASE("destroy kills the id but keeps the slot and the other agents", "[sim][agent_table]") {
  Shops shops;
  const ShopId a = shops.create();
  const ShopId b = shops.create();
  shops.columns.staff[b.index] = 7;

  shops.destroy(a);
  CHECK_FALSE(shops.is_alive(a));
  CHECK_FALSE(shops.slot_alive(a.index));
  CHECK(shops.is_alive(b));
  CHECK(shops.alive_count() == 1);
  CHECK(shops.capacity() == 2);  // slots are never removed, so other indices stay valid
  CHECK(columns_have_length(shops, 2));
  CHECK(shops.columns.staff[b.index] == 7);
  // The slot's current id carries the bumped generation.
  CHECK(shops.id_at(a.index).generation == a.generation + 1);
}

TEST_CASE("a reused slot gets a new generation: the old id stays dead — the new one is alive",
          "[sim][agent_table]") {
  Shops shops;
  const ShopId old_id = shops.create();
  shops.create();
  shops.destroy(old_id);

  const ShopId new_id = shops.create();
  CHECK(new_id.index == old_id.index);  // the free slot is reused instead of growing the table
  CHECK(new_id.generation == old_id.generation + 1);
  CHECK(new_id != old_id);
  CHECK(shops.capacity() == 2);
  CHECK(shops.alive_count() == 2);
  CHECK(shops.is_alive(new_id));
  CHECK_FALSE(shops.is_alive(old_id));

  // Another round: ids from every earlier generation stay dead.
  shops.destroy(new_id);
  const ShopId third = shops.create();
  CHECK(third.generation == 2);
  CHECK(shops.is_alive(third));
  CHECK_FALSE(shops.is_alive(old_id));
  CHECK_FALSE(shops.is_alive(new_id));
}

TEST_CASE("a reused slot's columns are value-initialised — not left from the previous agent",
          "[sim][agent_table]") {
  Shops shops;
  const ShopId closed = shops.create();
  shops.columns.staff[closed.index] = 12;
  shops.columns.cash[closed.index] = 3.5e6;
  shops.columns.name[closed.index] = "Old Street Bakery";
  shops.destroy(closed);

  const ShopId opened = shops.create();
  REQUIRE(opened.index == closed.index);
  CHECK(shops.columns.staff[opened.index] == 0);
  CHECK(shops.columns.cash[opened.index] == 0.0);
  CHECK(shops.columns.name[opened.index].empty());
  CHECK(columns_have_length(shops, 1));
}

TEST_CASE("with free slots — creation fills them before growing", "[sim][agent_table]") {
  Shops shops;
  std::vector<ShopId> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(shops.create());
  shops.destroy(ids[1]);
  shops.destroy(ids[4]);
  CHECK(shops.alive_count() == 4);

  const ShopId x = shops.create();
  const ShopId y = shops.create();
  CHECK(shops.capacity() == 6);
  CHECK(((x.index == 1 && y.index == 4) || (x.index == 4 && y.index == 1)));
  const ShopId z = shops.create();  // no free slot left: the table grows
  CHECK(z.index == 6);
  CHECK(shops.capacity() == 7);
  CHECK(shops.alive_count() == 7);
  CHECK(columns_have_length(shops, 7));
}

TEST_CASE("is_alive rejects ids beyond the table", "[sim][agent_table]") {
  Shops shops;
  shops.create();
  CHECK_FALSE(shops.is_alive(ShopId{5, 0}));
  CHECK_FALSE(shops.is_alive(ShopId{0, 1}));  // right slot, future generation
}

TEST_CASE("for_each_alive visits living agents in slot order", "[sim][agent_table]") {
  Shops shops;
  std::vector<ShopId> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(shops.create());
  CHECK(alive_indices(shops) == std::vector<std::uint32_t>{0, 1, 2, 3, 4});

  shops.destroy(ids[0]);
  shops.destroy(ids[3]);
  CHECK(alive_indices(shops) == std::vector<std::uint32_t>{1, 2, 4});

  shops.create();  // refills a freed slot, which is visited at its slot position
  const auto after_refill = alive_indices(shops);
  CHECK(after_refill.size() == 4);
  CHECK(std::is_sorted(after_refill.begin(), after_refill.end()));

  Shops empty;
  CHECK(alive_indices(empty).empty());
}

TEST_CASE("alive_count tracks creations and destructions", "[sim][agent_table]") {
  Shops shops;
  std::vector<ShopId> ids;
  for (int i = 0; i < 100; ++i) ids.push_back(shops.create());
  for (int i = 0; i < 100; i += 3) shops.destroy(ids[static_cast<std::size_t>(i)]);
  CHECK(shops.alive_count() == 100 - 34);
  CHECK(alive_indices(shops).size() == shops.alive_count());
  for (int i = 0; i < 10; ++i) shops.create();
  CHECK(shops.alive_count() == 100 - 34 + 10);
  CHECK(shops.capacity() == 100);
}

TEST_CASE("reserve makes room in every column without creating agents", "[sim][agent_table]") {
  Shops shops;
  shops.reserve(1000);
  CHECK(shops.capacity() == 0);
  CHECK(shops.alive_count() == 0);
  CHECK(shops.columns.staff.capacity() >= 1000);
  CHECK(shops.columns.cash.capacity() >= 1000);
  CHECK(shops.columns.name.capacity() >= 1000);

  // Growing up to the reserved size does not move column storage.
  const int* staff_data = shops.columns.staff.data();
  const std::string* name_data = shops.columns.name.data();
  for (int i = 0; i < 1000; ++i) shops.create();
  CHECK(shops.columns.staff.data() == staff_data);
  CHECK(shops.columns.name.data() == name_data);
  CHECK(columns_have_length(shops, 1000));
}
