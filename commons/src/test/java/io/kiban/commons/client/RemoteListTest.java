package io.kiban.commons.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** #15 item 10 / #19: one reader of another service's paged list, for every service. */
class RemoteListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArrayNode items(int from, int count) {
        ArrayNode page = JSON.createArrayNode();
        for (int i = from; i < from + count; i++) {
            page.addObject().put("serial", "S-" + i);
        }
        return page;
    }

    @Test
    @DisplayName(
            "R-RM-3 450 media over pages of 200, 200 and 50 are read to the last one, and no further")
    void reads_every_page_to_the_announced_total() {
        List<Integer> asked = new ArrayList<>();
        List<JsonNode> all =
                RemoteList.readAll(
                        "asset-service",
                        p -> {
                            asked.add(p);
                            return new RemoteList.Page(items(p * 200, p < 2 ? 200 : 50), "450");
                        });
        assertThat(all).hasSize(450);
        assertThat(all.get(449).get("serial").asText()).isEqualTo("S-449");
        assertThat(asked).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("an answer without X-Total-Count is an unpaged list, complete as it is")
    void an_unpaged_answer_is_the_whole_list() {
        assertThat(RemoteList.readAll("old-service", p -> new RemoteList.Page(items(0, 3), null)))
                .hasSize(3);
    }

    @Test
    @DisplayName("R-RM-3 a list that stops short of its total is Incomplete, never a shorter list")
    void a_short_list_is_incomplete() {
        assertThatThrownBy(
                        () ->
                                RemoteList.readAll(
                                        "maintenance-service",
                                        p ->
                                                new RemoteList.Page(
                                                        p == 0 ? items(0, 200) : items(0, 0),
                                                        "250")))
                .isInstanceOf(RemoteList.Incomplete.class)
                .hasMessage(
                        "maintenance-service announced 250 items (X-Total-Count) but its pages held 200");
        assertThatThrownBy(
                        () ->
                                RemoteList.readAll(
                                        "x", p -> new RemoteList.Page(items(0, 1), "many")))
                .isInstanceOf(RemoteList.Incomplete.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(
                        () ->
                                RemoteList.readAll(
                                        "x",
                                        p -> new RemoteList.Page(JSON.createObjectNode(), "1")))
                .isInstanceOf(RemoteList.Incomplete.class)
                .hasMessage("x answered something other than a list");
    }
}
