package vn.doan.notificationservice.recipient;

/** Who a cadre is in their unit: Bí thư, Phó Bí thư, or staff of a department ("Ban"). */
public enum Role {
    SECRETARY, DEPUTY, STAFF
}
