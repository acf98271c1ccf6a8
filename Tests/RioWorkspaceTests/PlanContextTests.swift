import Foundation
import RioModel
import Testing

@testable import RioWorkspace

@Suite struct PlanContextTests {
    @Test func placeholder() {}
}
