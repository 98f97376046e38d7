#!/usr/bin/env bash
# The report's language is one type (core/include/sdgreport/language.hpp), parsed
# once: no code in core/, plugins/ or formats/ tests a language by its spelling
# ("is it Norwegian?" is sdg::is_norwegian) or keeps its own index of languages.
# Usage: language_strings.sh SOURCE_DIR
SRC=$1
SDGREPORT=unused
source "$(dirname "$0")/lib.sh"
cd "$SRC"
sources=$(find core plugins formats -name '*.cpp' -o -name '*.hpp' | grep -v '^core/include/sdgreport/language.hpp$' | sort)
if hits=$(grep -nE '(==|!=)\s*"(en|nb|nn)"|"(en|nb|nn)"\s*(==|!=)|lang_index' $sources); then
  echo "$hits" >&2
  fail "a language is compared as a string above; use sdg::Language (parse_language, is_norwegian, language_index)"
fi
pass "no language compared as a string in core, plugins or formats"
