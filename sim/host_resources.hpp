#pragma once
// What this process may still use of the machine: memory and the size a file may grow to. Used
// to refuse work that cannot fit before it starts (a sweep's plan and results database), instead
// of failing with bad_alloc or a full disk hours later.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace shanzhi::sim {

/// Bytes of memory this process may still allocate: the smallest of the system's available
/// memory (/proc/meminfo MemAvailable), the address-space limit (ulimit -v) less what the
/// process maps now, and its cgroup's memory.max less memory.current. nullopt when none is known.
std::optional<std::uint64_t> available_memory_bytes();

/// Bytes a new file in `folder` (or its nearest existing ancestor) may grow to: the free space
/// an unprivileged user may use, capped by the file-size limit (ulimit -f). nullopt when unknown.
std::optional<std::uint64_t> available_file_bytes(const std::filesystem::path& folder);

/// "1.2 GB", "350 MB", "12.5 kB": a byte count for messages, to at most three significant figures.
std::string bytes_text(double bytes);

}  // namespace shanzhi::sim
