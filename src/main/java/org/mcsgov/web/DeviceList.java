package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 端末 (A8-2, A12): the device register, its state, whether it passed its checklist and who has it on loan now; for
 * the facility's managers and MCS administrators, the holder and the office, as /api/devices allows.
 */
@Component
@Order(5)
public class DeviceList implements RegisterList<DeviceList.Row> {

    public record Row(long id, String facilityName, String assetNumber, String kind, String model, String ownership,
                      String state, boolean usable, String borrower, OffsetDateTime registeredAt,
                      String processInstanceId) {
    }

    public static final Map<String, String> KIND = Labels.ordered("PC", "パソコン", "TABLET", "タブレット", "SMARTPHONE",
            "スマートフォン", "USB_MEDIUM", "USBメモリ等", "OTHER", "その他");
    static final Map<String, String> STATE = Labels.DEVICE_STATE;
    static final Map<String, String> OWNERSHIP = Labels.ordered("FACILITY", "事業所所有", "PERSONAL", "個人所有（業務利用）");

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public DeviceList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "devices";
    }

    @Override
    public String title() {
        return "端末";
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("q", "資産番号・機種"), Filter.choice("kind", "種別", KIND),
                Filter.choice("state", "状態", STATE), Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("事業所", Row::facilityName), Column.of("資産番号", Row::assetNumber),
                Column.of("種別", row -> Labels.of(KIND, row.kind())), Column.of("機種", Row::model),
                Column.of("所有", row -> Labels.of(OWNERSHIP, row.ownership())),
                Column.of("状態", row -> Labels.of(STATE, row.state())), Column.of("使用可", Row::usable),
                Column.of("貸出先", Row::borrower), Column.of("登録", Row::registeredAt),
                Column.linked("登録プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = visibility.managedOrOwn(new Where(), "d.facility_id", "b.user_id")
                .and("d.asset_number LIKE :q OR d.model LIKE :q", "q", Criteria.contains(criteria, "q"))
                .and("d.kind = :kind", "kind", Criteria.text(criteria, "kind"))
                .and("d.state = :state", "state", Criteria.text(criteria, "state"))
                .and("d.facility_id = :facility", "facility", Criteria.text(criteria, "facility"));
        return new Listing<>(jdbc, """
                d.id, f.name AS facility_name, d.asset_number, d.kind, d.model, d.ownership, d.state, d.usable,
                b.name AS borrower, d.registered_at, d.process_instance_id""", """
                device d JOIN facility f ON f.id = d.facility_id
                LEFT JOIN device_loan l ON l.device_id = d.id AND l.valid_to IS NULL
                LEFT JOIN staff b ON b.id = l.staff_id""", where, "d.facility_id, d.asset_number, d.id",
                Row.class);
    }
}
