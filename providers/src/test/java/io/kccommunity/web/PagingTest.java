package io.kccommunity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaultsApplyWhenParametersAreMissing() {
        assertEquals(new Paging(0, Paging.DEFAULT_MAX), Paging.of(null, ""));
    }

    @Test
    void validValuesPassThrough() {
        assertEquals(new Paging(40, 100), Paging.of("40", "100"));
    }

    @Test
    void badValuesAreRefused() {
        for (String[] bad : new String[][] {{"-1", "10"}, {"0", "0"}, {"0", "101"}, {"x", "1"}, {"0", "1e3"}, {"99999999999", "1"}}) {
            assertThrows(CommunityError.class, () -> Paging.of(bad[0], bad[1]), String.join(",", bad));
        }
    }
}
