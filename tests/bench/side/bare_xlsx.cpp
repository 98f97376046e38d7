// The bare libxlsxwriter anchor for the side-by-side benchmark: the same CSV
// (';', decimal comma) to an XLSX sheet in constant-memory mode, end to end
// from the file: a bold header row, the key column as text, the numbers with
// format 0.0. No model, no checks: the floor a C program reaches.
//
//   sdgreport_bare_xlsx big.csv out.xlsx
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <xlsxwriter.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s IN.csv OUT.xlsx\n", argv[0]);
    return 2;
  }
  std::FILE* in = std::fopen(argv[1], "rb");
  if (!in) {
    std::perror(argv[1]);
    return 1;
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(argv[2], &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Table");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  lxw_format* num = workbook_add_format(wb);
  format_set_num_format(num, "0.0");
  char* line = nullptr;
  std::size_t cap = 0;
  lxw_row_t row = 0;
  while (getline(&line, &cap, in) > 0) {
    lxw_col_t col = 0;
    char* save = nullptr;
    for (char* field = strtok_r(line, ";\r\n", &save); field; field = strtok_r(nullptr, ";\r\n", &save), ++col) {
      if (row == 0) {
        worksheet_write_string(ws, row, col, field, head);
      } else if (col == 0) {
        worksheet_write_string(ws, row, col, field, nullptr);
      } else {
        for (char* p = field; *p; ++p)
          if (*p == ',') *p = '.';
        worksheet_write_number(ws, row, col, std::strtod(field, nullptr), num);
      }
    }
    ++row;
  }
  std::free(line);
  std::fclose(in);
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
