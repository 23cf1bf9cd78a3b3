package io.planwise.model.draw;

/** The numbered draw streams of MODEL.md section 2; the number is part of the contract. */
public enum DrawStream {
    TERMINATION(1),
    TERMINATION_DATE(2),
    PROMOTION(3),
    PROMOTION_PCT(4),
    HIRE_AGE(5),
    HIRE_BIRTHDAY(6),
    HIRE_DATE(7),
    HIRE_PAY_STEP(8),
    NEW_HIRE_TERMINATION_RANK(9),
    NEW_HIRE_TERMINATION_DATE(10),
    RIF_RANK(11);

    public final int number;

    DrawStream(int number) {
        this.number = number;
    }
}
