#include <cartpress/json/rapidjson.hpp>

namespace cartpress::json {

Value copy(const Value& v, Allocator& a) {
    switch (v.GetType()) {
        case rapidjson::kStringType:
            return str(view(v), a);
        case rapidjson::kArrayType: {
            Value out(rapidjson::kArrayType);
            out.Reserve(v.Size(), a);
            for (const auto& item : v.GetArray()) out.PushBack(copy(item, a), a);
            return out;
        }
        case rapidjson::kObjectType: {
            Value out(rapidjson::kObjectType);
            for (const auto& m : v.GetObject()) {
                out.AddMember(str(view(m.name), a), copy(m.value, a), a);
            }
            return out;
        }
        default: {
            Value out;
            out.CopyFrom(v, a);  // null, bool, number: no allocation
            return out;
        }
    }
}

}  // namespace cartpress::json
