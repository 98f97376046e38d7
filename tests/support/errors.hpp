// Test helper shared by the unit-test executables: the sdg::Error a callable throws.
#pragma once

#include <gtest/gtest.h>

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

}  // namespace sdg::test
