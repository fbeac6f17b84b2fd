package se.vardag.generate;

/** What an org unit does; it decides the unit's everyday tool usage (the "noise"). */
enum UnitKind {
  MANAGEMENT,
  IT_MANAGEMENT,
  SERVICE_DESK,
  OPERATIONS,
  DEVELOPMENT,
  HR,
  FINANCE,
  LEGAL,
  CUSTOMER_SERVICE,
  COMMUNICATION,
  CASEWORK,
  INSPECTION
}
