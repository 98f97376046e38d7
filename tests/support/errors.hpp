// Test helper shared by the unit-test executables: the sdg::Error a callable throws.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "sdgreport/error.hpp"

namespace sdg::test {

/// The error `f` throws; fails the test (and returns an Internal error) if it throws none.
template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no sdg::Error thrown";
  return Error(ErrorCode::Internal, "none");
}

/// The message of the error `f` throws, after checking it has `code`.
template <typename F>
std::string message_of(ErrorCode code, F&& f) {
  const Error e = error_of(std::forward<F>(f));
  EXPECT_EQ(e.code(), code);
  return e.what();
}

}  // namespace sdg::test
