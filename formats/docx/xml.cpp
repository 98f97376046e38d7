#include "xml.hpp"

#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"

namespace sdg::docx {

namespace {
const xmlChar* x(const char* s) {
  return reinterpret_cast<const xmlChar*>(s);
}
}  // namespace

Xml::Xml() : buf_(xmlBufferCreate()), w_(buf_ ? xmlNewTextWriterMemory(buf_, 0) : nullptr) {
  if (!w_) throw Error(ErrorCode::Internal, "libxml2: cannot create an XML writer");
  check(xmlTextWriterStartDocument(w_, nullptr, "UTF-8", "yes"), "start document");
}

Xml::~Xml() {
  if (w_) xmlFreeTextWriter(w_);
  if (buf_) xmlBufferFree(buf_);
}

void Xml::check(int rc, const char* what) const {
  if (rc < 0) throw Error(ErrorCode::Internal, std::string("libxml2: cannot write XML (") + what + ")");
}

Xml& Xml::start(const char* name) {
  check(xmlTextWriterStartElement(w_, x(name)), name);
  return *this;
}

Xml& Xml::attr(const char* name, std::string_view value) {
  const std::string v = xml_clean(value);
  check(xmlTextWriterWriteAttribute(w_, x(name), x(v.c_str())), name);
  return *this;
}

Xml& Xml::attr(const char* name, long long value) {
  return attr(name, std::to_string(value));
}

Xml& Xml::text(std::string_view s) {
  const std::string v = xml_clean(s);
  check(xmlTextWriterWriteString(w_, x(v.c_str())), "text");
  return *this;
}

Xml& Xml::end() {
  check(xmlTextWriterEndElement(w_), "end element");
  return *this;
}

Xml& Xml::raw(std::string_view markup) {
  const std::string m(markup);
  check(xmlTextWriterWriteRaw(w_, x(m.c_str())), "raw");
  return *this;
}

Xml& Xml::empty(const char* name, const char* a1, std::string_view v1, const char* a2, std::string_view v2) {
  start(name);
  if (a1) attr(a1, v1);
  if (a2) attr(a2, v2);
  return end();
}

std::string Xml::finish() {
  check(xmlTextWriterEndDocument(w_), "end document");
  xmlFreeTextWriter(w_);  // flushes into buf_
  w_ = nullptr;
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(buf_)),
                  static_cast<std::size_t>(xmlBufferLength(buf_)));
  return out;
}

std::string xml_clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || i + len > s.size() || !is_valid_utf8(s.substr(i, len))) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (len == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        static_cast<unsigned char>(s[i + 2]) >= 0xBE) {
      i += 3;  // U+FFFE, U+FFFF
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace sdg::docx
