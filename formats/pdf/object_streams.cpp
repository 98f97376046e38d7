// The final write pass: object streams and a cross-reference stream (see
// object_streams.hpp). PDF 32000-1:2008 7.5.7 (object streams) and 7.5.8
// (cross-reference streams).
#include "object_streams.hpp"

#include <libdeflate.h>
#include <openssl/evp.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sdgreport/error.hpp"

namespace sdg::pdf {
namespace {

using namespace PoDoFo;

constexpr EPdfWriteMode kMode = ePdfWriteMode_Compact;

/// Where an object ended up: type 1 (at a byte offset) or type 2 (inside an
/// object stream, at an index); type 0 is a free entry.
struct XrefEntry {
  std::uint8_t type = 0;
  std::uint32_t field2 = 0;  // offset, or object stream number
  std::uint16_t field3 = 0;  // generation, or index in the object stream
};

/// Flate (zlib format) with libdeflate at level 6: on the 500-page report's
/// streams 7 % smaller than zlib's level 6 and faster (levels 9–12 gain up to
/// 9 % more but are 7–14 times slower).
class Deflater {
 public:
  Deflater() : c_(libdeflate_alloc_compressor(6)) {
    if (c_ == nullptr) throw Error(ErrorCode::Output, "cannot compress the PDF's streams (out of memory)");
  }
  ~Deflater() { libdeflate_free_compressor(c_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::string operator()(const char* data, std::size_t size) {
    std::string out(libdeflate_zlib_compress_bound(c_, size), '\0');
    const std::size_t n = libdeflate_zlib_compress(c_, data, size, out.data(), out.size());
    if (n == 0) throw Error(ErrorCode::Output, "cannot compress a PDF stream");
    out.resize(n);
    return out;
  }

 private:
  libdeflate_compressor* c_;
};

/// "N G R" for a reference held by a trailer key, or "" when the key is absent.
std::string reference_of(const PdfObject* trailer, const char* key) {
  const PdfObject* value = trailer->GetDictionary().GetKey(PdfName(key));
  if (value == nullptr || !value->IsReference()) return "";
  const PdfReference& r = value->GetReference();
  return std::to_string(r.ObjectNumber()) + " " + std::to_string(r.GenerationNumber()) + " R";
}

void append_variant(std::string& out, const PdfVariant& v);

/// Appends one indirect object that has a stream. A stream PoDoFo left without
/// a filter (page contents, fonts, ToUnicode maps: the writer sets PoDoFo's
/// default filter to none while it builds the document, pdf_writer.cpp) is
/// compressed here; the XMP metadata stays plain (PDF/UA readers look for it
/// as text); anything else is written by PoDoFo as it is.
void append_stream_object(std::string& out, const PdfObject& obj, Deflater& deflate) {
  const PdfDictionary& dict = obj.GetDictionary();
  const PdfObject* type = dict.GetKey(PdfName::KeyType);
  const bool plain = dict.HasKey(PdfName::KeyFilter) || (type != nullptr && type->IsName() && type->GetName() == PdfName("Metadata"));
  if (!plain) {
    char* data = nullptr;
    pdf_long size = 0;
    obj.GetStream()->GetCopy(&data, &size);
    std::string packed;
    try {
      packed = deflate(data, static_cast<std::size_t>(size));
    } catch (...) {
      podofo_free(data);
      throw;
    }
    podofo_free(data);
    PdfDictionary d(dict);
    d.AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
    d.AddKey(PdfName::KeyLength, PdfVariant(static_cast<pdf_int64>(packed.size())));
    const PdfReference& r = obj.Reference();
    out += std::to_string(r.ObjectNumber()) + " " + std::to_string(r.GenerationNumber()) + " obj\n";
    append_variant(out, PdfVariant(d));
    out += "\nstream\n";
    out += packed;
    out += "\nendstream\nendobj\n";
    return;
  }
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  obj.WriteObject(&device, kMode, nullptr);
  out.append(buffer.GetBuffer(), device.GetLength());
}

/// Appends a number without locale or printf (PoDoFo's own writer goes through
/// vsnprintf twice per token, which was most of this pass's time).
void append_int(std::string& out, std::int64_t n) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

/// Three decimals, trailing zeros dropped (as in PoDoFo's content streams; a
/// thousandth of a point is below any device's resolution), never exponent notation.
void append_real(std::string& out, double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  if (ec != std::errc()) {
    end = buf;
    *end++ = '0';
  }
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  if (end == buf || (end - buf == 1 && buf[0] == '-')) {
    end = buf;
    *end++ = '0';
  }
  out.append(buf, end);
}

/// A value after a dictionary key's name or in an array: numbers, booleans,
/// null and references get a space before them.
void append_value(std::string& out, const PdfVariant& value) {
  const EPdfDataType t = value.GetDataType();
  if (t == ePdfDataType_Bool || t == ePdfDataType_Number || t == ePdfDataType_Real || t == ePdfDataType_Null ||
      t == ePdfDataType_Reference)
    out += ' ';
  append_variant(out, value);
}

/// Appends a direct object in compact syntax. Dictionaries, arrays, numbers,
/// names and references are written here; strings (escaping, encodings) and
/// anything unusual go through PoDoFo's own writer.
void append_variant(std::string& out, const PdfVariant& v) {
  switch (v.GetDataType()) {
    case ePdfDataType_Bool:
      out += v.GetBool() ? "true" : "false";
      return;
    case ePdfDataType_Number:
      append_int(out, v.GetNumber());
      return;
    case ePdfDataType_Real:
      append_real(out, v.GetReal());
      return;
    case ePdfDataType_Name:
      out += '/';
      out += v.GetName().GetEscapedName();
      return;
    case ePdfDataType_Null:
      out += "null";
      return;
    case ePdfDataType_Reference: {
      const PdfReference& r = v.GetReference();
      append_int(out, r.ObjectNumber());
      out += ' ';
      append_int(out, r.GenerationNumber());
      out += " R";
      return;
    }
    case ePdfDataType_Array: {
      // As PoDoFo writes arrays ("[ 152 0 R/XYZ 0 396.39 0]"): deflate packs that form a little better.
      out += '[';
      for (const PdfObject& item : v.GetArray()) append_value(out, item);
      out += ']';
      return;
    }
    case ePdfDataType_Dictionary: {
      out += "<<";
      // /Type first, as PoDoFo writes it (readers and deflate both like it there).
      const PdfDictionary& dict = v.GetDictionary();
      const PdfObject* type = dict.GetKey(PdfName::KeyType);
      if (type != nullptr) {
        out += "/Type";
        append_value(out, *type);
      }
      // /K (a structure element's kids, the part that differs most between
      // neighbours) last, so that what comes before it repeats the previous one.
      static const PdfName kids("K");
      const PdfObject* k = nullptr;
      for (const auto& [key, value] : dict.GetKeys()) {
        if (type != nullptr && key == PdfName::KeyType) continue;
        if (key == kids) {
          k = value;
          continue;
        }
        out += '/';
        out += key.GetEscapedName();
        append_value(out, *value);
      }
      if (k != nullptr) {
        out += "/K";
        append_value(out, *k);
      }
      out += ">>";
      return;
    }
    default: {
      std::string text;
      v.ToString(text, kMode);
      out += text;
      return;
    }
  }
}

/// Appends one object stream holding `objects` (all without streams, generation 0)
/// as object `number`, and records each object's entry.
void append_object_stream(std::string& out, std::uint32_t number, const std::vector<const PdfObject*>& objects,
                          std::vector<XrefEntry>& xref, std::string& body, Deflater& deflate) {
  body.clear();
  std::string header;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const std::size_t start = body.size();
    append_variant(body, *objects[i]);
    body += '\n';
    if (i > 0) header += ' ';
    append_int(header, objects[i]->Reference().ObjectNumber());
    header += ' ';
    append_int(header, static_cast<std::int64_t>(start));
    xref[objects[i]->Reference().ObjectNumber()] = {2, number, static_cast<std::uint16_t>(i)};
  }
  header += '\n';
  body.insert(0, header);
  const std::string packed = deflate(body.data(), body.size());

  xref[number] = {1, static_cast<std::uint32_t>(out.size()), 0};
  out += std::to_string(number) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(objects.size()) + "/First " +
         std::to_string(header.size()) + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) +
         ">>\nstream\n";
  out += packed;
  out += "\nendstream\nendobj\n";
}

/// The cross-reference stream's rows, W [1 4 2], with the PNG Up predictor
/// (each row starts with filter byte 2 and holds differences to the row above).
std::string xref_rows(const std::vector<XrefEntry>& xref) {
  constexpr std::size_t kWidth = 7;
  std::string rows;
  rows.reserve(xref.size() * (kWidth + 1));
  unsigned char previous[kWidth] = {};
  for (const XrefEntry& e : xref) {
    const unsigned char row[kWidth] = {e.type,
                                       static_cast<unsigned char>(e.field2 >> 24),
                                       static_cast<unsigned char>(e.field2 >> 16),
                                       static_cast<unsigned char>(e.field2 >> 8),
                                       static_cast<unsigned char>(e.field2),
                                       static_cast<unsigned char>(e.field3 >> 8),
                                       static_cast<unsigned char>(e.field3)};
    rows += '\x02';
    for (std::size_t k = 0; k < kWidth; ++k) rows += static_cast<char>(row[k] - previous[k]);
    std::copy(row, row + kWidth, previous);
  }
  return rows;
}

std::string md5_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &digest_len, EVP_md5(), nullptr);
  static const char* hex = "0123456789ABCDEF";
  std::string id;
  for (unsigned int i = 0; i < digest_len; ++i) {
    id += hex[digest[i] >> 4];
    id += hex[digest[i] & 15];
  }
  return id;
}

}  // namespace

std::string write_compact(PdfMemDocument& doc) {
  doc.EmbedSubsetFonts();
  const PdfVecObjects& objects = doc.GetObjects();

  std::vector<const PdfObject*> all;
  all.reserve(objects.GetSize());
  std::uint32_t max_number = 0;
  for (const PdfObject* obj : objects) {
    all.push_back(obj);
    max_number = std::max<std::uint32_t>(max_number, obj->Reference().ObjectNumber());
  }
  std::sort(all.begin(), all.end(), [](const PdfObject* a, const PdfObject* b) {
    return a->Reference().ObjectNumber() < b->Reference().ObjectNumber();
  });

  std::vector<const PdfObject*> streams, packed;
  for (const PdfObject* obj : all)
    (obj->HasStream() || obj->Reference().GenerationNumber() != 0 ? streams : packed).push_back(obj);

  const std::size_t stream_count = (packed.size() + kObjectsPerStream - 1) / kObjectsPerStream;
  const std::uint32_t first_stream_number = max_number + 1;
  const std::uint32_t xref_number = first_stream_number + static_cast<std::uint32_t>(stream_count);
  std::vector<XrefEntry> xref(xref_number + 1);
  xref[0] = {0, 0, 0xFFFF};

  Deflater deflate;
  std::string out = "%PDF-";
  out += s_szPdfVersionNums[static_cast<int>(doc.GetPdfVersion())];
  out += "\n%\xE2\xE3\xCF\xD3\n";
  for (const PdfObject* obj : streams) {
    const PdfReference& r = obj->Reference();
    xref[r.ObjectNumber()] = {1, static_cast<std::uint32_t>(out.size()), static_cast<std::uint16_t>(r.GenerationNumber())};
    append_stream_object(out, *obj, deflate);
  }
  std::vector<const PdfObject*> chunk;
  std::string body;
  for (std::size_t s = 0; s < stream_count; ++s) {
    const auto begin = packed.begin() + static_cast<std::ptrdiff_t>(s * kObjectsPerStream);
    const auto end = packed.begin() + static_cast<std::ptrdiff_t>(std::min(packed.size(), (s + 1) * kObjectsPerStream));
    chunk.assign(begin, end);
    append_object_stream(out, first_stream_number + static_cast<std::uint32_t>(s), chunk, xref, body, deflate);
  }
  // Free entries (deleted objects) keep their generation for the next use.
  for (const PdfReference& r : objects.GetFreeObjects())
    if (r.ObjectNumber() < xref.size() && xref[r.ObjectNumber()].type == 0)
      xref[r.ObjectNumber()] = {0, 0, static_cast<std::uint16_t>(r.GenerationNumber())};

  const std::size_t xref_offset = out.size();
  if (xref_offset > 0xFFFFFFFFu) throw Error(ErrorCode::Output, "the PDF would be larger than 4 GB");
  xref[xref_number] = {1, static_cast<std::uint32_t>(xref_offset), 0};
  const std::string rows = deflate(xref_rows(xref).data(), xref.size() * 8);

  const PdfObject* trailer = doc.GetTrailer();
  const std::string root = reference_of(trailer, "Root"), info = reference_of(trailer, "Info");
  const std::string zero_id(32, '0');
  out += std::to_string(xref_number) + " 0 obj\n<</Type/XRef/Size " + std::to_string(xref.size()) +
         "/W[1 4 2]/Root " + root + (info.empty() ? "" : "/Info " + info) + "/ID[<" + zero_id + "><" + zero_id +
         ">]/Filter/FlateDecode/DecodeParms<</Columns 7/Predictor 12>>/Length " + std::to_string(rows.size()) +
         ">>\nstream\n";
  const std::size_t id_at = out.rfind(zero_id + "><");
  out += rows;
  out += "\nendstream\nendobj\nstartxref\n";
  out += std::to_string(xref_offset);
  out += "\n%%EOF\n";

  // The /ID: an MD5 of the file with a zero id, so different documents get
  // different ids and equal documents equal ones.
  const std::string id = md5_hex(out);
  out.replace(id_at, id.size(), id);
  out.replace(id_at + id.size() + 2, id.size(), id);
  return out;
}

}  // namespace sdg::pdf
