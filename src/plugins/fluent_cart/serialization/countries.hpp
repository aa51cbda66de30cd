#pragma once

#include <cartpress/core/result.hpp>
#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace cartpress::plugins::fluent_cart {

// FluentCart's English country and state names (spec §5.3, §8.6), for `country_name` and the
// `formatted_address` objects. Countries come from Debian's iso-codes plus the compiled-in
// overrides of data/country-names.tsv; states come only from the compiled-in data/state-names.tsv,
// because FluentCart's state codes and names follow WooCommerce rather than ISO 3166-2.
// Immutable after load, so one instance can serve every worker thread.
class Countries {
public:
    // Reads <iso_codes_json_dir>/iso_3166-1.json (e.g. /usr/share/iso-codes/json). The error
    // names the file and the problem; a missing or malformed file is a startup error.
    static core::Result<Countries, std::string> load(const std::string& iso_codes_json_dir);

    // The same from text already in memory (tests, or another iso-codes source).
    static core::Result<Countries, std::string> from_data(std::string_view iso_3166_1_json,
                                                          std::string_view country_overrides_tsv,
                                                          std::string_view state_names_tsv);

    // FluentCart's name ("United States (US)", "Saint Barth&eacute;lemy": HTML entities as
    // FluentCart stores them); the code itself when unknown (case matters: "us" stays "us");
    // "" for "" and for "0", which PHP treats as empty.
    std::string country_name(std::string_view code) const;

    // FluentCart's state name when it has one for that country and code, else `state` unchanged
    // (GB "LND", DE "BE": FluentCart has no GB list and spells Berlin "DE-BE"). An empty country
    // ("" or "0") searches every country's list, as FluentCart does. Callers print JSON null
    // themselves for an SQL NULL state, which FluentCart also leaves null.
    std::string state_name(std::string_view country, std::string_view state) const;

    std::size_t country_count() const { return countries_.size(); }

    // For the address form's rules (spec §8.6): whether `code` is a country FluentCart knows
    // (exact case), whether FluentCart has a state list for it, and whether `state` is one of
    // that list's codes as FluentCart keys it (integer codes such as UM "81" included).
    bool has_country(std::string_view code) const;
    bool has_state_list(std::string_view country) const;
    bool has_state(std::string_view country, std::string_view state) const;

private:
    using NameMap = std::map<std::string, std::string, std::less<>>;

    NameMap countries_;
    std::map<std::string, NameMap, std::less<>> states_by_country_;
    NameMap all_states_;  // every list merged, for an empty country
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> state_codes_;
};

}  // namespace cartpress::plugins::fluent_cart
