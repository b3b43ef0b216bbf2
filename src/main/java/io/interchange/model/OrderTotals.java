package io.interchange.model;

import java.math.BigDecimal;

public record OrderTotals(Integer lineCount, BigDecimal amount, BigDecimal tax, BigDecimal shipping) {
}
