// VSIC 2018 (Decision 27/2018/QĐ-TTg): the 21 sections and the 4-digit classes the seed uses.
// Weights are relative shares of enterprises in Bình Dương, an industrial province (wood
// furniture, garments, footwear, electronics, plastics, logistics around the industrial parks).
// `trade` holds words a company of that activity typically carries in its name.

export const VSIC_SECTIONS: readonly (readonly [string, string])[] = [
  ['A', 'Nông nghiệp, lâm nghiệp và thủy sản'],
  ['B', 'Khai khoáng'],
  ['C', 'Công nghiệp chế biến, chế tạo'],
  ['D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí'],
  ['E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải'],
  ['F', 'Xây dựng'],
  ['G', 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác'],
  ['H', 'Vận tải kho bãi'],
  ['I', 'Dịch vụ lưu trú và ăn uống'],
  ['J', 'Thông tin và truyền thông'],
  ['K', 'Hoạt động tài chính, ngân hàng và bảo hiểm'],
  ['L', 'Hoạt động kinh doanh bất động sản'],
  ['M', 'Hoạt động chuyên môn, khoa học và công nghệ'],
  ['N', 'Hoạt động hành chính và dịch vụ hỗ trợ'],
  ['O', 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc'],
  ['P', 'Giáo dục và đào tạo'],
  ['Q', 'Y tế và hoạt động trợ giúp xã hội'],
  ['R', 'Nghệ thuật, vui chơi và giải trí'],
  ['S', 'Hoạt động dịch vụ khác'],
  ['T', 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình'],
  ['U', 'Hoạt động của các tổ chức và cơ quan quốc tế'],
];

export interface VsicClass {
  code: string;
  section: string;
  name: string;
  /** Relative share among enterprises that are not digital-technology ones (0: none seeded). */
  weight: number;
  /** Relative share among digital-technology enterprises (IT, telecom, electronics); 0 for the rest. */
  digitalWeight: number;
  trade: readonly string[];
}

const c = (code: string, section: string, name: string, weight: number, trade: readonly string[], digitalWeight = 0): VsicClass => ({
  code,
  section,
  name,
  weight,
  digitalWeight,
  trade,
});

export const VSIC_CLASSES: readonly VsicClass[] = [
  // A
  c('0118', 'A', 'Trồng rau, đậu các loại và trồng hoa', 0.3, ['Nông nghiệp', 'Nông sản']),
  c('0125', 'A', 'Trồng cây cao su', 0.4, ['Cao su', 'Nông lâm']),
  c('0145', 'A', 'Chăn nuôi lợn và sản xuất giống lợn', 0.3, ['Chăn nuôi']),
  c('0146', 'A', 'Chăn nuôi gia cầm', 0.3, ['Chăn nuôi', 'Nông nghiệp']),
  // B
  c('0810', 'B', 'Khai thác đá, cát, sỏi, đất sét', 0.3, ['Khoáng sản', 'Vật liệu xây dựng']),
  // C
  c('1010', 'C', 'Chế biến, bảo quản thịt và các sản phẩm từ thịt', 0.4, ['Thực phẩm']),
  c('1030', 'C', 'Chế biến và bảo quản rau quả', 0.4, ['Nông sản', 'Thực phẩm']),
  c('1050', 'C', 'Chế biến sữa và các sản phẩm từ sữa', 0.2, ['Thực phẩm', 'Sữa']),
  c('1071', 'C', 'Sản xuất các loại bánh từ bột', 0.5, ['Thực phẩm', 'Bánh kẹo']),
  c('1075', 'C', 'Sản xuất món ăn, thức ăn chế biến sẵn', 0.4, ['Thực phẩm']),
  c('1079', 'C', 'Sản xuất thực phẩm khác chưa được phân vào đâu', 1.2, ['Thực phẩm', 'Chế biến Thực phẩm']),
  c('1080', 'C', 'Sản xuất thức ăn gia súc, gia cầm và thủy sản', 0.5, ['Thức ăn Chăn nuôi', 'Dinh dưỡng']),
  c('1104', 'C', 'Sản xuất đồ uống không cồn, nước khoáng', 0.3, ['Nước giải khát', 'Thực phẩm']),
  c('1311', 'C', 'Sản xuất sợi', 0.6, ['Sợi', 'Dệt']),
  c('1312', 'C', 'Sản xuất vải dệt thoi', 0.5, ['Dệt', 'Dệt may']),
  c('1313', 'C', 'Hoàn thiện sản phẩm dệt', 0.4, ['Dệt nhuộm', 'Dệt may']),
  c('1391', 'C', 'Sản xuất vải dệt kim, vải đan móc và vải không dệt khác', 0.4, ['Dệt kim', 'Dệt']),
  c('1410', 'C', 'May trang phục (trừ trang phục từ da lông thú)', 3.2, ['May mặc', 'Thời trang', 'Dệt may']),
  c('1430', 'C', 'Sản xuất trang phục dệt kim, đan móc', 0.4, ['Dệt kim', 'May mặc']),
  c('1512', 'C', 'Sản xuất vali, túi xách và các loại tương tự, sản xuất yên đệm', 0.5, ['Túi xách', 'Da thuộc']),
  c('1520', 'C', 'Sản xuất giày, dép', 1.6, ['Giày da', 'Giày dép']),
  c('1610', 'C', 'Cưa, xẻ, bào gỗ và bảo quản gỗ', 1.0, ['Gỗ', 'Lâm sản']),
  c('1621', 'C', 'Sản xuất gỗ dán, gỗ lạng, ván ép và ván mỏng khác', 0.6, ['Ván ép', 'Gỗ']),
  c('1622', 'C', 'Sản xuất đồ gỗ xây dựng', 0.6, ['Gỗ', 'Cửa gỗ']),
  c('1623', 'C', 'Sản xuất bao bì bằng gỗ', 0.5, ['Pallet', 'Bao bì Gỗ']),
  c('1629', 'C', 'Sản xuất sản phẩm khác từ gỗ; sản xuất sản phẩm từ tre, nứa, rơm, rạ và vật liệu tết bện', 1.4, ['Gỗ', 'Mỹ nghệ']),
  c('1701', 'C', 'Sản xuất bột giấy, giấy và bìa', 0.3, ['Giấy']),
  c('1702', 'C', 'Sản xuất giấy nhăn, bìa nhăn, bao bì từ giấy và bìa', 1.0, ['Bao bì', 'Giấy']),
  c('1811', 'C', 'In ấn', 0.8, ['In', 'In ấn Bao bì']),
  c('2012', 'C', 'Sản xuất phân bón và hợp chất ni tơ', 0.2, ['Phân bón', 'Hóa nông']),
  c('2022', 'C', 'Sản xuất sơn, véc ni và các chất sơn, quét tương tự; sản xuất mực in và ma tít', 0.4, ['Sơn', 'Hóa chất']),
  c('2023', 'C', 'Sản xuất mỹ phẩm, xà phòng, chất tẩy rửa, làm bóng và chế phẩm vệ sinh', 0.4, ['Hóa mỹ phẩm']),
  c('2100', 'C', 'Sản xuất thuốc, hoá dược và dược liệu', 0.3, ['Dược phẩm']),
  c('2211', 'C', 'Sản xuất săm, lốp cao su; đắp và tái chế lốp cao su', 0.2, ['Cao su', 'Săm lốp']),
  c('2219', 'C', 'Sản xuất sản phẩm khác từ cao su', 0.5, ['Cao su']),
  c('2220', 'C', 'Sản xuất sản phẩm từ plastic', 2.2, ['Nhựa', 'Bao bì Nhựa']),
  c('2392', 'C', 'Sản xuất vật liệu xây dựng từ đất sét', 0.3, ['Gạch', 'Vật liệu xây dựng']),
  c('2393', 'C', 'Sản xuất sản phẩm gốm sứ khác', 0.5, ['Gốm sứ']),
  c('2395', 'C', 'Sản xuất bê tông và các sản phẩm từ bê tông, xi măng và thạch cao', 0.5, ['Bê tông', 'Vật liệu xây dựng']),
  c('2410', 'C', 'Sản xuất sắt, thép, gang', 0.3, ['Thép']),
  c('2511', 'C', 'Sản xuất các cấu kiện kim loại', 1.2, ['Kết cấu Thép', 'Cơ khí']),
  c('2592', 'C', 'Gia công cơ khí; xử lý và tráng phủ kim loại', 1.4, ['Cơ khí', 'Cơ khí Chính xác']),
  c('2599', 'C', 'Sản xuất sản phẩm khác bằng kim loại chưa được phân vào đâu', 0.8, ['Kim khí', 'Cơ khí']),
  c('2610', 'C', 'Sản xuất linh kiện điện tử', 0.3, ['Điện tử', 'Linh kiện Điện tử'], 6),
  c('2620', 'C', 'Sản xuất máy vi tính và thiết bị ngoại vi của máy vi tính', 0.05, ['Điện tử', 'Công nghệ'], 1.5),
  c('2630', 'C', 'Sản xuất thiết bị truyền thông', 0.05, ['Viễn thông', 'Điện tử'], 1.5),
  c('2640', 'C', 'Sản xuất sản phẩm điện tử dân dụng', 0.2, ['Điện tử', 'Điện máy'], 3),
  c('2710', 'C', 'Sản xuất mô tơ, máy phát, biến thế điện, thiết bị phân phối và điều khiển điện', 0.4, ['Thiết bị Điện', 'Điện']),
  c('2732', 'C', 'Sản xuất dây, cáp điện và điện tử khác', 0.4, ['Dây cáp Điện', 'Điện']),
  c('2740', 'C', 'Sản xuất thiết bị điện chiếu sáng', 0.3, ['Chiếu sáng', 'Thiết bị Điện']),
  c('2750', 'C', 'Sản xuất đồ điện dân dụng', 0.3, ['Điện gia dụng']),
  c('2819', 'C', 'Sản xuất máy thông dụng khác', 0.4, ['Máy móc', 'Cơ khí']),
  c('2930', 'C', 'Sản xuất phụ tùng và bộ phận phụ trợ cho xe ô tô và xe có động cơ khác', 0.3, ['Phụ tùng', 'Cơ khí']),
  c('3100', 'C', 'Sản xuất giường, tủ, bàn, ghế', 4.0, ['Nội thất', 'Đồ gỗ', 'Gỗ Nội thất']),
  c('3290', 'C', 'Sản xuất khác chưa được phân vào đâu', 0.6, ['Sản xuất']),
  c('3312', 'C', 'Sửa chữa máy móc, thiết bị', 0.5, ['Kỹ thuật', 'Cơ điện']),
  c('3320', 'C', 'Lắp đặt máy móc và thiết bị công nghiệp', 0.5, ['Kỹ thuật Công nghiệp', 'Cơ điện']),
  // D
  c('3511', 'D', 'Sản xuất điện', 0.3, ['Năng lượng', 'Điện mặt trời']),
  c('3530', 'D', 'Sản xuất, phân phối hơi nước, nước nóng, điều hoà không khí và sản xuất nước đá', 0.1, ['Nước đá', 'Năng lượng']),
  // E
  c('3600', 'E', 'Khai thác, xử lý và cung cấp nước', 0.1, ['Cấp nước', 'Môi trường']),
  c('3700', 'E', 'Thoát nước và xử lý nước thải', 0.2, ['Môi trường', 'Xử lý Nước']),
  c('3811', 'E', 'Thu gom rác thải không độc hại', 0.3, ['Môi trường']),
  c('3821', 'E', 'Xử lý và tiêu huỷ rác thải không độc hại', 0.2, ['Môi trường']),
  c('3830', 'E', 'Tái chế phế liệu', 0.4, ['Tái chế', 'Phế liệu']),
  // F
  c('4101', 'F', 'Xây dựng nhà để ở', 2.6, ['Xây dựng', 'Đầu tư Xây dựng']),
  c('4102', 'F', 'Xây dựng nhà không để ở', 1.8, ['Xây dựng', 'Xây dựng Công nghiệp']),
  c('4212', 'F', 'Xây dựng công trình đường bộ', 0.8, ['Xây dựng Giao thông', 'Xây dựng']),
  c('4221', 'F', 'Xây dựng công trình điện', 0.4, ['Xây lắp Điện', 'Cơ điện']),
  c('4293', 'F', 'Xây dựng công trình chế biến, chế tạo', 0.4, ['Xây dựng Công nghiệp']),
  c('4299', 'F', 'Xây dựng công trình kỹ thuật dân dụng khác', 1.2, ['Xây dựng', 'Kỹ thuật Xây dựng']),
  c('4321', 'F', 'Lắp đặt hệ thống điện', 0.8, ['Cơ điện', 'Điện Công nghiệp']),
  c('4322', 'F', 'Lắp đặt hệ thống cấp, thoát nước, lò sưởi và điều hoà không khí', 0.6, ['Cơ điện lạnh', 'Điện lạnh']),
  c('4330', 'F', 'Hoàn thiện công trình xây dựng', 0.8, ['Trang trí Nội thất', 'Xây dựng']),
  // G
  c('4520', 'G', 'Bảo dưỡng, sửa chữa ô tô và xe có động cơ khác', 0.6, ['Ô tô', 'Dịch vụ Ô tô']),
  c('4610', 'G', 'Đại lý, môi giới, đấu giá hàng hóa', 2.0, ['Thương mại', 'Thương mại Dịch vụ']),
  c('4620', 'G', 'Bán buôn nông, lâm sản nguyên liệu (trừ gỗ, tre, nứa) và động vật sống', 0.6, ['Nông sản', 'Thương mại']),
  c('4632', 'G', 'Bán buôn thực phẩm', 1.2, ['Thực phẩm', 'Thương mại']),
  c('4641', 'G', 'Bán buôn vải, hàng may mặc, giày dép', 1.0, ['Thời trang', 'Thương mại']),
  c('4649', 'G', 'Bán buôn đồ dùng khác cho gia đình', 1.0, ['Thương mại', 'Gia dụng']),
  c('4651', 'G', 'Bán buôn máy vi tính, thiết bị ngoại vi và phần mềm', 0, ['Tin học', 'Máy tính'], 3),
  c('4652', 'G', 'Bán buôn thiết bị và linh kiện điện tử, viễn thông', 0, ['Điện tử Viễn thông', 'Thiết bị Điện tử'], 3),
  c('4659', 'G', 'Bán buôn máy móc, thiết bị và phụ tùng máy khác', 1.6, ['Thiết bị Công nghiệp', 'Máy móc']),
  c('4662', 'G', 'Bán buôn kim loại và quặng kim loại', 0.8, ['Sắt thép', 'Kim khí']),
  c('4663', 'G', 'Bán buôn vật liệu, thiết bị lắp đặt khác trong xây dựng', 2.2, ['Vật liệu Xây dựng', 'Thương mại']),
  c('4669', 'G', 'Bán buôn chuyên doanh khác chưa được phân vào đâu', 1.6, ['Thương mại', 'Xuất nhập khẩu']),
  c('4690', 'G', 'Bán buôn tổng hợp', 3.0, ['Thương mại', 'Thương mại Tổng hợp', 'Xuất nhập khẩu']),
  c('4711', 'G', 'Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp', 1.2, ['Siêu thị', 'Thương mại']),
  c('4719', 'G', 'Bán lẻ khác trong các cửa hàng kinh doanh tổng hợp', 0.6, ['Thương mại', 'Bán lẻ']),
  c('4741', 'G', 'Bán lẻ máy vi tính, thiết bị ngoại vi, phần mềm và thiết bị viễn thông trong các cửa hàng chuyên doanh', 0, ['Tin học', 'Điện thoại'], 1.5),
  c('4752', 'G', 'Bán lẻ đồ ngũ kim, sơn, kính và thiết bị lắp đặt khác trong xây dựng trong các cửa hàng chuyên doanh', 0.6, ['Vật liệu Xây dựng', 'Kim khí']),
  c('4771', 'G', 'Bán lẻ hàng may mặc, giày dép, hàng da và giả da trong các cửa hàng chuyên doanh', 0.5, ['Thời trang']),
  c('4791', 'G', 'Bán lẻ theo yêu cầu đặt hàng qua bưu điện hoặc internet', 0.6, ['Thương mại Điện tử', 'Bán lẻ Trực tuyến']),
  // H
  c('4932', 'H', 'Vận tải hành khách đường bộ khác', 0.4, ['Vận tải Hành khách', 'Du lịch']),
  c('4933', 'H', 'Vận tải hàng hóa bằng đường bộ', 2.2, ['Vận tải', 'Vận tải Hàng hóa']),
  c('5210', 'H', 'Kho bãi và lưu giữ hàng hóa', 1.0, ['Kho vận', 'Logistics']),
  c('5224', 'H', 'Bốc xếp hàng hóa', 0.4, ['Dịch vụ Bốc xếp', 'Logistics']),
  c('5229', 'H', 'Hoạt động dịch vụ hỗ trợ khác liên quan đến vận tải', 1.4, ['Logistics', 'Giao nhận', 'Tiếp vận']),
  c('5320', 'H', 'Chuyển phát', 0.3, ['Chuyển phát']),
  // I
  c('5510', 'I', 'Dịch vụ lưu trú ngắn ngày', 0.5, ['Khách sạn', 'Du lịch']),
  c('5610', 'I', 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', 1.0, ['Nhà hàng', 'Ẩm thực']),
  c('5621', 'I', 'Cung cấp dịch vụ ăn uống theo hợp đồng không thường xuyên với khách hàng (phục vụ tiệc, hội họp, đám cưới...)', 0.3, ['Tiệc cưới', 'Ẩm thực']),
  c('5629', 'I', 'Dịch vụ ăn uống khác', 0.8, ['Suất ăn Công nghiệp', 'Dịch vụ Ăn uống']),
  c('5630', 'I', 'Dịch vụ phục vụ đồ uống', 0.5, ['Cà phê', 'Ẩm thực']),
  // J
  c('5820', 'J', 'Xuất bản phần mềm', 0, ['Phần mềm'], 4),
  c('6110', 'J', 'Hoạt động viễn thông có dây', 0, ['Viễn thông'], 1),
  c('6120', 'J', 'Hoạt động viễn thông không dây', 0, ['Viễn thông'], 1),
  c('6190', 'J', 'Hoạt động viễn thông khác', 0, ['Viễn thông', 'Internet'], 2),
  c('6201', 'J', 'Lập trình máy vi tính', 0, ['Phần mềm', 'Công nghệ', 'Giải pháp Số'], 12),
  c('6202', 'J', 'Tư vấn máy vi tính và quản trị hệ thống máy vi tính', 0, ['Công nghệ Thông tin', 'Tin học'], 7),
  c('6209', 'J', 'Hoạt động dịch vụ công nghệ thông tin và dịch vụ khác liên quan đến máy vi tính', 0, ['Công nghệ Thông tin', 'Dịch vụ Số'], 8),
  c('6311', 'J', 'Xử lý dữ liệu, cho thuê và các hoạt động liên quan', 0, ['Dữ liệu', 'Điện toán Đám mây'], 4),
  c('6312', 'J', 'Cổng thông tin', 0, ['Truyền thông Số', 'Công nghệ'], 2),
  // K
  c('6492', 'K', 'Hoạt động cấp tín dụng khác', 0.1, ['Tài chính']),
  c('6619', 'K', 'Hoạt động hỗ trợ dịch vụ tài chính chưa được phân vào đâu', 0.3, ['Tư vấn Tài chính', 'Tài chính']),
  c('6622', 'K', 'Hoạt động của đại lý và môi giới bảo hiểm', 0.2, ['Bảo hiểm']),
  // L
  c('6810', 'L', 'Kinh doanh bất động sản, quyền sử dụng đất thuộc chủ sở hữu, chủ sử dụng hoặc đi thuê', 2.4, ['Bất động sản', 'Địa ốc', 'Đầu tư Bất động sản']),
  c('6820', 'L', 'Tư vấn, môi giới, đấu giá bất động sản, đấu giá quyền sử dụng đất', 1.2, ['Địa ốc', 'Bất động sản']),
  // M
  c('6920', 'M', 'Hoạt động liên quan đến kế toán, kiểm toán và tư vấn về thuế', 0.6, ['Kế toán', 'Tư vấn Thuế']),
  c('7020', 'M', 'Hoạt động tư vấn quản lý', 0.8, ['Tư vấn', 'Tư vấn Đầu tư']),
  c('7110', 'M', 'Hoạt động kiến trúc và tư vấn kỹ thuật có liên quan', 1.0, ['Tư vấn Thiết kế', 'Kiến trúc']),
  c('7120', 'M', 'Kiểm tra và phân tích kỹ thuật', 0.3, ['Kiểm định', 'Kỹ thuật']),
  c('7310', 'M', 'Quảng cáo', 0.8, ['Quảng cáo', 'Truyền thông']),
  c('7410', 'M', 'Hoạt động thiết kế chuyên dụng', 0.3, ['Thiết kế']),
  // N
  c('7710', 'N', 'Cho thuê xe có động cơ', 0.3, ['Cho thuê Xe', 'Vận tải']),
  c('7830', 'N', 'Cung ứng và quản lý nguồn lao động', 0.6, ['Nhân lực', 'Cung ứng Lao động']),
  c('8010', 'N', 'Hoạt động bảo vệ cá nhân', 0.5, ['Dịch vụ Bảo vệ', 'An ninh']),
  c('8121', 'N', 'Vệ sinh chung nhà cửa', 0.4, ['Vệ sinh Công nghiệp', 'Dịch vụ']),
  c('8299', 'N', 'Hoạt động dịch vụ hỗ trợ kinh doanh khác còn lại chưa được phân vào đâu', 0.8, ['Dịch vụ', 'Xuất nhập khẩu']),
  // O: no enterprise carries out state or party activities.
  c('8430', 'O', 'Hoạt động bảo đảm xã hội bắt buộc', 0, ['Bảo đảm Xã hội']),
  // P
  c('8510', 'P', 'Giáo dục mầm non', 0.3, ['Giáo dục', 'Mầm non']),
  c('8559', 'P', 'Giáo dục khác chưa được phân vào đâu', 0.4, ['Giáo dục', 'Đào tạo']),
  c('8560', 'P', 'Dịch vụ hỗ trợ giáo dục', 0.2, ['Tư vấn Du học', 'Giáo dục']),
  // Q
  c('8610', 'Q', 'Hoạt động của các bệnh viện, trạm y tế', 0.1, ['Bệnh viện', 'Y tế']),
  c('8620', 'Q', 'Hoạt động của các phòng khám đa khoa, chuyên khoa và nha khoa', 0.3, ['Y tế', 'Phòng khám']),
  // R
  c('9311', 'R', 'Hoạt động của các cơ sở thể thao', 0.2, ['Thể thao']),
  c('9329', 'R', 'Hoạt động vui chơi giải trí khác chưa được phân vào đâu', 0.2, ['Giải trí', 'Du lịch']),
  // S
  c('9511', 'S', 'Sửa chữa máy vi tính và thiết bị ngoại vi', 0, ['Tin học', 'Dịch vụ Máy tính'], 1),
  c('9620', 'S', 'Giặt là, làm sạch các sản phẩm dệt và lông thú', 0.2, ['Giặt là', 'Dịch vụ']),
  c('9631', 'S', 'Cắt tóc, làm đầu, gội đầu', 0.1, ['Làm đẹp']),
  // T and U: households and international bodies are not enterprises.
  c('9700', 'T', 'Hoạt động làm thuê công việc gia đình trong các hộ gia đình', 0, ['Dịch vụ Gia đình']),
  c('9900', 'U', 'Hoạt động của các tổ chức và cơ quan quốc tế', 0, ['Quốc tế']),
];
