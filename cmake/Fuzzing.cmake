# SHANZHI_FUZZ=ON: instrument every target for libFuzzer with AddressSanitizer and
# UndefinedBehaviorSanitizer (any report is fatal), and build the fuzz/ programs. Needs clang
# (scripts/run_fuzz.sh configures build-fuzz/ with clang++-14).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "SHANZHI_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=address,undefined)
