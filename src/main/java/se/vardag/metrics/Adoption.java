package se.vardag.metrics;

import java.io.Serializable;

/**
 * The raw people, learning, follow-up and KPI figures of one initiative as of one day, before
 * rates, suppression and flags (SPEC section 3). Days are epoch days. Nulls mean "no such value"
 * (no median without values, no peak without a span, no follow-up yet, no KPI observations).
 */
public record Adoption(
    int asOf,
    long targetPopulation,
    long trained,
    long activeUsers,
    long sustainedUsers,
    long trainedNotUsing,
    long trainedNotUsingBase,
    Double medianDaysToFirstUse,
    long currentWau,
    Long pilotPeakWau,
    double practiceHours,
    long learningSessions90d,
    Integer lastFollowUp,
    long followUps90d,
    Integer lastMaturity,
    Double kpiBaselineMedian,
    long kpiBaselineObservations,
    Double kpiCurrentMedian,
    long kpiCurrentObservations,
    long kpiImprovedObservations,
    long outsideTargetUsers) implements Serializable {}
