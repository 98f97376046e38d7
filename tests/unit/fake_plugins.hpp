// An in-memory PluginProvider for pipeline tests: plugins are lambdas.
#pragma once

#include <functional>
#include <map>
#include <memory>

#include "sdgreport/error.hpp"
#include "sdgreport/pipeline.hpp"

namespace sdg::test {

class FakeSource final : public DataSource {
 public:
  using Fn = std::function<void(const SourceRequest&, Section&, Context&)>;
  explicit FakeSource(Fn f) : f_(std::move(f)) {}
  void fill(const SourceRequest& r, Section& s, Context& c) override { f_(r, s, c); }

 private:
  Fn f_;
};

class FakeWriter final : public FormatWriter {
 public:
  using Fn = std::function<void(const Document&, const WriteRequest&, Context&)>;
  explicit FakeWriter(Fn f) : f_(std::move(f)) {}
  const char* extension() const override { return "txt"; }
  void write(const Document& d, const WriteRequest& r, Context& c) override { f_(d, r, c); }

 private:
  Fn f_;
};

class FakeProvider final : public PluginProvider {
 public:
  std::map<std::string, FakeSource::Fn> sources;
  std::map<std::string, FakeWriter::Fn> writers;
  /// Declared options by plugin name; a plugin not listed has no schema (not checked).
  std::map<std::string, OptionTable> tables;

  std::shared_ptr<DataSource> data_source(const std::string& name) override {
    auto it = sources.find(name);
    if (it == sources.end()) throw Error(ErrorCode::Plugin, "unknown data-source plugin '" + name + "'");
    return std::make_shared<FakeSource>(it->second);
  }
  std::shared_ptr<FormatWriter> format_writer(const std::string& name) override {
    auto it = writers.find(name);
    if (it == writers.end()) throw Error(ErrorCode::Plugin, "unknown format plugin '" + name + "'");
    return std::make_shared<FakeWriter>(it->second);
  }
  std::optional<OptionTable> declared_options(const std::string& name, PluginKind) override {
    auto it = tables.find(name);
    if (it == tables.end()) return std::nullopt;
    return it->second;
  }
};

}  // namespace sdg::test
