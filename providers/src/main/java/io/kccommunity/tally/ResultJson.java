package io.kccommunity.tally;

import java.util.List;
import java.util.Map;

/** Writes a {@link Result} as JSON with no library, so the command line runs on a bare JVM. */
final class ResultJson {

    private ResultJson() {
    }

    static String write(Result result) {
        StringBuilder json = new StringBuilder("{\"method\":").append(string(result.method()))
                .append(",\"winners\":").append(strings(result.winners())).append(",\"rounds\":[");
        for (int i = 0; i < result.rounds().size(); i++) {
            Round round = result.rounds().get(i);
            json.append(i == 0 ? "" : ",").append("{\"round\":").append(round.number())
                    .append(",\"action\":").append(string(round.action()))
                    .append(",\"quota\":").append(round.quota() == null ? "null" : string(round.quota()))
                    .append(",\"votes\":{");
            int k = 0;
            for (Map.Entry<String, String> vote : round.votes().entrySet()) {
                json.append(k++ == 0 ? "" : ",").append(string(vote.getKey())).append(':').append(string(vote.getValue()));
            }
            json.append("},\"elected\":").append(strings(round.elected()))
                    .append(",\"eliminated\":").append(strings(round.eliminated())).append('}');
        }
        return json.append("]}").toString();
    }

    private static String strings(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        return json.append(']').toString();
    }

    static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
